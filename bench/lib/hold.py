"""The registration counter's lock-hold time from two scrapes of the service's Prometheus metrics
(socialfund_registration_lock_hold_seconds: a histogram with 0.1 ms buckets to 5 ms): what the submissions between
the two scrapes held it. `python3 hold.py BEFORE AFTER [SUBMISSIONS_PER_S]` prints it; report.py imports hold()."""
import re
import sys


def _read(path):
    buckets, count, total = {}, 0.0, 0.0
    try:
        lines = open(path).read().splitlines()
    except OSError:
        return buckets, count, total
    for line in lines:
        m = re.match(r'(socialfund_registration_lock_hold_seconds_\w+)(\{[^}]*\})?\s+(\S+)$', line.strip())
        if not m:
            continue
        name, labels, value = m.group(1), m.group(2) or '', float(m.group(3))
        if name.endswith('_bucket'):
            le = re.search(r'le="([^"]+)"', labels).group(1)
            buckets[float('inf') if le == '+Inf' else float(le)] = value
        elif name.endswith('_count'):
            count = value
        elif name.endswith('_sum'):
            total = value
    return buckets, count, total


def hold(before, after):
    """(submissions, median s, p90 s, mean s) between the scrapes, or None when the service has no such timer."""
    (b0, c0, s0), (b1, c1, s1) = _read(before), _read(after)
    n = c1 - c0
    if not b1 or n <= 0:
        return None
    edges = sorted(b1)

    def quantile(q):
        want, prev_edge, prev_cum = q * n, 0.0, 0.0
        for e in edges:
            cum = b1[e] - b0.get(e, 0.0)
            if cum >= want:
                if e == float('inf'):
                    return prev_edge
                share = (want - prev_cum) / (cum - prev_cum) if cum > prev_cum else 1.0
                return prev_edge + share * (e - prev_edge)
            prev_edge, prev_cum = e, cum
        return prev_edge

    return int(n), quantile(0.5), quantile(0.9), (s1 - s0) / n


if __name__ == '__main__':
    h = hold(sys.argv[1], sys.argv[2])
    if h is None:
        print('lock-hold time: not measured (this package has no socialfund.registration.lock.hold timer)')
        sys.exit(0)
    n, med, p90, mean = h
    print(f'lock-hold time (counter increment to end of COMMIT, {n} submissions of the rounds): median '
          f'{med * 1e3:.2f} ms, p90 {p90 * 1e3:.2f} ms, mean {mean * 1e3:.2f} ms')
    line = f'the rate it bounds (1/hold): {1 / med:.0f}/s at the median, {1 / mean:.0f}/s at the mean'
    if len(sys.argv) > 3:
        line += f'; submissions ÷ bound (median): {float(sys.argv[3]) * med:.2f}'
    print(line)
