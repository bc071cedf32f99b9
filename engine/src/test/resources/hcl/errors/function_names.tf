not_called = provider::nsxt
no_name    = provider::(1)
fine       = 1
