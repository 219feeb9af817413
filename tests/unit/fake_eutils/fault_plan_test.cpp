// Fault plans: names, scripted faults, seeded probabilities that do not depend on timing, and the
// rule that faults only hit esearch and efetch (an expired WebEnv only a fetch through history).

#include <catch2/catch.hpp>

#include <map>
#include <stdexcept>

#include "tests/fake_eutils/fault_plan.hpp"

using namespace ldn::fake;

namespace {

FaultContext fetch(std::size_t number, bool history = true) { return FaultContext{number, false, true, history}; }
FaultContext search(std::size_t number) { return FaultContext{number, true, false, false}; }

}  // namespace

TEST_CASE("every fault class has a name that parses back", "[fake_eutils]") {
    for (FaultKind kind : all_fault_kinds) {
        INFO(fault_name(kind));
        CHECK(parse_fault_name(fault_name(kind)) == kind);
    }
    CHECK_FALSE(parse_fault_name("teapot").has_value());
}

TEST_CASE("a scripted fault hits exactly its request number", "[fake_eutils]") {
    FaultPlan plan;
    add_scripted_fault(plan, "2=reset");
    add_scripted_fault(plan, "4=expired-webenv");
    CHECK_FALSE(plan.choose(search(1)).has_value());
    CHECK(plan.choose(search(2)) == FaultKind::connection_reset);
    CHECK_FALSE(plan.choose(search(3)).has_value());
    CHECK(plan.choose(fetch(4)) == FaultKind::expired_webenv);
    CHECK_FALSE(plan.choose(search(4)).has_value());         // a search has no WebEnv to lose
    CHECK_FALSE(plan.choose(fetch(4, false)).has_value());   // nor a fetch by id
    CHECK_FALSE(plan.choose(FaultContext{2, false, false, false}).has_value());  // epost, other paths
}

TEST_CASE("seeded faults are the same for the same seed and request numbers", "[fake_eutils]") {
    FaultPlan plan;
    plan.seed = 42;
    add_fault_probability(plan, "500=0.2");
    add_fault_probability(plan, "reset=0.1");
    FaultPlan same = plan;
    FaultPlan other = plan;
    other.seed = 43;
    std::map<FaultKind, int> seen;
    int differences = 0;
    const int requests = 5000;
    // In reverse order on purpose: the choice depends on the request number, not on call order.
    for (int number = requests; number >= 1; --number) {
        const auto chosen = plan.choose(search(static_cast<std::size_t>(number)));
        CHECK(chosen == same.choose(search(static_cast<std::size_t>(number))));
        if (chosen != other.choose(search(static_cast<std::size_t>(number)))) ++differences;
        if (chosen) ++seen[*chosen];
    }
    CHECK(differences > 0);
    CHECK(seen[FaultKind::server_error] == Approx(requests * 0.2).epsilon(0.15));
    CHECK(seen[FaultKind::connection_reset] == Approx(requests * 0.1).epsilon(0.2));
}

TEST_CASE("bad fault specifications are refused with a reason", "[fake_eutils]") {
    FaultPlan plan;
    CHECK_THROWS_AS(add_fault_probability(plan, "teapot=0.1"), std::invalid_argument);
    CHECK_THROWS_AS(add_fault_probability(plan, "500"), std::invalid_argument);
    CHECK_THROWS_AS(add_fault_probability(plan, "500=1.5"), std::invalid_argument);
    CHECK_THROWS_AS(add_fault_probability(plan, "500=abc"), std::invalid_argument);
    add_fault_probability(plan, "500=0.6");
    CHECK_THROWS_AS(add_fault_probability(plan, "502=0.6"), std::invalid_argument);  // sum above 1
    CHECK_THROWS_AS(add_scripted_fault(plan, "0=reset"), std::invalid_argument);
    CHECK_THROWS_AS(add_scripted_fault(plan, "x=reset"), std::invalid_argument);
}
