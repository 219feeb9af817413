#pragma once
// The `fake-eutils` program: loads a corpus, serves it until SIGINT/SIGTERM, prints
// "listening on http://ADDRESS:PORT/" as its only line on stdout (so a script or test can read the
// port), and a summary of the requests on stderr when it stops.
//
//   fake-eutils --corpus PATH... [--synthetic N] [--port 0] [--bind 127.0.0.1] [--rate 3]
//               [--key-rate 10] [--seed S] [--fault CLASS=PROB ...] [--fault-at K=CLASS ...]
//               [--slow-ms MS] [--retry-after SECONDS] [--webenv-ttl SECONDS] [--webenv-uses N]

namespace ldn::fake {

// Returns the exit status: 0 after a signal, 2 for a usage error, 65/74 for an unreadable corpus,
// 1 when the address cannot be bound.
int run_fake_eutils(int argc, char** argv);

}  // namespace ldn::fake
