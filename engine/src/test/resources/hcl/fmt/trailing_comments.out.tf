a   = 1       # one
bbb = 22      # two
cc  = 3
d   = 4444444 // four

solo = 1 # x
list = [ # opener comment
  1, # c
]
