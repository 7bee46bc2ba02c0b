#!/usr/bin/env python3
"""Realistic evaluation requests for the load and batch benchmarks.

usage: requests.py ndjson N          -> N request lines on stdout (a mix of regions and areas)
       requests.py lua               -> a wrk Lua script that POSTs the same mix round-robin
"""
import json
import sys

COMMUNITY = {"completionAcceptanceDate": "2019-06-01", "deliveryDate": "2019-09-01",
             "ownersAssemblyEstablished": True, "ownerCommitteeEstablished": True,
             "totalExclusiveArea": 120000.0, "totalOwners": 980, "households": 1000}
FEE = {"phase": "PRELIMINARY", "buildingType": "HIGH_RISE", "serviceLevel": 3, "assessedServiceLevel": 3,
       "chargedPrice": 1.40, "priceDisplay": {"basePrice": True, "band": True, "actualPrice": True},
       "publicizedItems": ["物业服务费", "停车服务费"],
       "chargedItems": [{"name": "物业服务费", "amount": 1680.0}, {"name": "装修管理费", "amount": 300.0}]}
FILINGS = {"events": [{"type": "SERVICE_CONTRACT_SIGNED", "date": "2026-09-01"},
                      {"type": "OWNER_COMMITTEE_ELECTED", "date": "2026-08-10"}],
           "records": [{"filing": "SERVICE_CONTRACT", "filedOn": "2026-09-10", "authority": "区住建局"}]}
COMMITTEE = {"electedOn": "2024-01-10", "members": [
    {"id": "m-01", "role": "CHAIR", "partyMember": True, "owner": True,
     "conduct": [{"code": "UNAUTHORIZED_SEAL_USE", "date": "2026-09-01"}],
     "meetingsHeldLast12Months": 6, "meetingsAbsentLast12Months": 1},
    {"id": "m-02", "role": "VICE_CHAIR", "partyMember": False, "owner": True},
    {"id": "m-03", "role": "MEMBER", "partyMember": True, "owner": True},
    {"id": "m-04", "role": "MEMBER", "partyMember": False, "owner": True},
    {"id": "m-05", "role": "MEMBER", "partyMember": True, "owner": True}]}
REPAIR = {"id": "R-1", "category": "ELEVATOR_FAULT", "component": "ELEVATOR", "endangersSafety": True,
          "evidence": [{"type": "INSPECTION_RECTIFICATION_NOTICE", "issuedOn": "2026-10-02"}], "cause": "WEAR",
          "reportedOn": "2026-10-03", "estimatedCost": 180000.0, "fundHandedToOwnersAssembly": True,
          "committeeApprovalRequestedOn": "2026-10-04"}

# (region, blocks): the mix a provincial scan and per-event platforms would send.
MIX = [("620402", ["fee"]), ("211103", ["fee", "filings"]), ("420102", ["fee", "committee"]),
       ("110105", ["filings", "committee"]), ("310101", ["repair"]), ("410102", ["fee", "filings", "committee", "repair"]),
       ("370202", ["fee", "repair"]), ("330106", ["committee", "repair"])]
BLOCKS = {"fee": FEE, "filings": FILINGS, "committee": COMMITTEE, "repair": REPAIR}


def request(i):
    region, blocks = MIX[i % len(MIX)]
    body = {"region": region, "asOf": "2026-11-01", "community": dict(COMMUNITY, id="C-%07d" % i)}
    for b in blocks:
        body[b] = BLOCKS[b]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def main():
    if sys.argv[1] == "ndjson":
        out = sys.stdout
        for i in range(int(sys.argv[2])):
            out.write(request(i))
            out.write("\n")
    else:
        bodies = [request(i) for i in range(len(MIX))]
        print("local bodies = {" + ",".join("[[" + b + "]]" for b in bodies) + "}")
        print('local i = 0\nwrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"')
        print("request = function()\n  i = i % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend")


main()
