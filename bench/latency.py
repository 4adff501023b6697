"""Sequential single-check latency over one keep-alive connection: warm-up, then percentiles."""
import http.client
import statistics
import sys
import time

port, body_file = int(sys.argv[1]), sys.argv[2]
body = open(body_file, "rb").read()
headers = {"Content-Type": "application/json"}
conn = http.client.HTTPConnection("127.0.0.1", port)


def once():
    t = time.perf_counter()
    conn.request("POST", "/api/v1/eligibility", body, headers)
    r = conn.getresponse()
    r.read()
    assert r.status == 200, r.status
    return (time.perf_counter() - t) * 1000


for _ in range(3000):
    once()
samples = sorted(once() for _ in range(2000))
p = lambda q: samples[int(q * (len(samples) - 1))]
print(f"single check, warm, sequential (n={len(samples)}): p50 {p(0.5):.2f} ms, p90 {p(0.9):.2f} ms, "
      f"p99 {p(0.99):.2f} ms, mean {statistics.mean(samples):.2f} ms")
