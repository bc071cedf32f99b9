#!/usr/bin/env python3
"""Fails a pipeline whose saved plan would destroy a firewall section or a tier-1 gateway in prod.

Reads Terraform's plan JSON (`netform show -json plan.bin > plan.json`) and looks at every
resource_changes entry: an action "delete" (a destroy, or a replace, which is delete and create in
either order) of a guarded type is a violation. In the environment named "prod" (the second argument,
default "prod") a violation exits 1; elsewhere it is printed as a warning. Standard library only, so
any image with python3 (Debian's python3 package) runs it.
"""

import json
import sys

# Firewall sections (distributed and gateway, and those a NetworkPolicy is realized as) and tier-1s.
GUARDED = {
    "nsxt_policy_security_policy",
    "nsxt_policy_parent_security_policy",
    "nsxt_policy_gateway_policy",
    "nsxt_k8s_network_policy",
    "nsxt_policy_tier1_gateway",
}


def violations(plan):
    for change in plan.get("resource_changes", []):
        actions = change.get("change", {}).get("actions", [])
        if change.get("type") in GUARDED and "delete" in actions:
            kind = "replaced" if "create" in actions else "destroyed"
            yield f"{change['address']} would be {kind} ({', '.join(actions)})"


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: plan-policy.py PLAN_JSON [ENVIRONMENT]", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        plan = json.load(f)
    environment = argv[2] if len(argv) == 3 else "prod"
    found = list(violations(plan))
    for violation in found:
        print(f"plan-policy: {violation}", file=sys.stderr)
    if found and environment == "prod":
        print(f"plan-policy: {len(found)} firewall section or tier-1 destroy(s) in prod; "
              "split the change or have it approved outside this pipeline.", file=sys.stderr)
        return 1
    print(f"plan-policy: {len(plan.get('resource_changes', []))} resource change(s) checked, "
          f"{len(found)} guarded destroy(s) in {environment}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
