// lemon_mcf: the test and bench peer of src/match/mcf.c, never part of the
// product. Reads minimum-cost flow problems in DIMACS "min" format (one file
// per argument) and solves each with LEMON's NetworkSimplex. Per file it
// prints one line:
//   optimal COST MEDIAN_MS   or   infeasible - MEDIAN_MS
// MEDIAN_MS is the median over ROUNDS (-r N, default 1) solves of the same
// graph; each round builds a fresh NetworkSimplex (LEMON has no warm start),
// reading the file is not timed.
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

using namespace lemon;
typedef SmartDigraph G;

int main(int argc, char **argv)
{
	int rounds = 1, i = 1;
	if (argc > 2 && std::strcmp(argv[1], "-r") == 0) {
		rounds = std::atoi(argv[2]);
		i = 3;
	}
	if (rounds < 1 || i >= argc) {
		std::fprintf(stderr, "usage: lemon_mcf [-r ROUNDS] FILE...\n");
		return 2;
	}
	for (; i < argc; i++) {
		std::ifstream is(argv[i]);
		if (!is) {
			std::fprintf(stderr, "lemon_mcf: cannot read %s\n", argv[i]);
			return 2;
		}
		G g;
		G::ArcMap<long long> lower(g), cap(g), cost(g);
		G::NodeMap<long long> supply(g);
		readDimacsMin(is, g, lower, cap, cost, supply);
		std::vector<double> ms;
		bool ok = false;
		long long total = 0;
		for (int r = 0; r < rounds; r++) {
			auto t0 = std::chrono::steady_clock::now();
			NetworkSimplex<G, long long, long long> ns(g);
			ns.lowerMap(lower).upperMap(cap).costMap(cost).supplyMap(supply);
			ok = ns.run() == NetworkSimplex<G, long long, long long>::OPTIMAL;
			if (ok)
				total = ns.totalCost();
			auto t1 = std::chrono::steady_clock::now();
			ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
		}
		std::sort(ms.begin(), ms.end());
		if (ok)
			std::printf("optimal %lld %.3f\n", total, ms[ms.size() / 2]);
		else
			std::printf("infeasible - %.3f\n", ms[ms.size() / 2]);
	}
	return 0;
}
