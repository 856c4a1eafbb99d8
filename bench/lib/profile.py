"""Shares of JFR CPU samples of a GET of one application, by the part of the request a sample's stack is in.

Each sample goes to the first category in the order below that any frame of its stack belongs to, so the shares add
up to 100 %. Usage: profile.py samples.json (from `jfr print --json --stack-depth 512 --events jdk.ExecutionSample`).
"""
import collections
import json
import sys

# (name, test on the stack as one string); the first that matches wins
CATEGORIES = [
    ("JSON: reading the jsonb documents into domain records (persistence adapter)",
     lambda s: "com.fasterxml.jackson" in s and "se.socialfund.adapters.persistence" in s),
    ("JSON: writing the response",
     lambda s: "com.fasterxml.jackson" in s and ("MessageBodyWriter" in s or "writeTo" in s)),
    ("JSON: other", lambda s: "com.fasterxml.jackson" in s),
    ("bearer token: parsing its JSON claims",
     lambda s: ("org.jose4j" in s or "io.quarkus.oidc" in s) and "json" in s.lower()
     and "java.math" not in s and "sun.security" not in s),
    ("bearer token: RS256 signature", lambda s: ("org.jose4j" in s or "io.quarkus.oidc" in s)
     and ("java.math" in s or "sun.security" in s)),
    ("bearer token: other", lambda s: "org.jose4j" in s or "io.quarkus.oidc" in s or "io.smallrye.jwt" in s),
    ("reads: JDBC driver", lambda s: "se.socialfund.adapters.persistence" in s and "org.postgresql" in s),
    ("reads: connection pool", lambda s: "se.socialfund.adapters.persistence" in s and "io.agroal" in s),
    ("reads: Hibernate ORM", lambda s: "se.socialfund.adapters.persistence" in s and "org.hibernate" in s),
    ("transaction: JTA begin/commit, session open/close",
     lambda s: "com.arjuna" in s or "narayana" in s or "org.hibernate" in s or "io.agroal" in s
     or "org.postgresql" in s),
    ("the service's own code (use case, domain, mapping)", lambda s: "se.socialfund" in s),
    ("HTTP, routing, security context, metrics, logging (the rest)", lambda s: True),
]


def main(path):
    events = json.load(open(path))["recording"]["events"]
    shares = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"]
        stack = " ".join((f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
                         for f in frames)
        shares[next(name for name, test in CATEGORIES if test(stack))] += 1
    total = len(events)
    print(f"{total} CPU samples")
    for name, _ in CATEGORIES:
        print(f"{shares[name] * 100 / total:5.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
