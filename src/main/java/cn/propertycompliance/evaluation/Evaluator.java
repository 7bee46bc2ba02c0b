package cn.propertycompliance.evaluation;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleScope;
import cn.propertycompliance.ruleset.RuleSelection;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates one request against a compiled release: facts in, findings out. Stateless and thread-safe — each call
 * uses its own short-lived session of the shared KieBase; nothing is compiled per request.
 *
 * <p>Every evaluation runs under a deadline besides the firing cap. A request's evaluation runs on the caller's thread
 * (a hand-off to a worker thread cost more than the evaluation itself), watched by {@link DeadlineWatch}: past the
 * deadline its session is halted and its slot is free again at once, and the caller gets
 * {@link EvaluationDeadlineException}. A JVM cannot stop a thread stuck inside one computation (no {@code Thread.stop});
 * the rule guard refuses every construct that could compute without end, and should one get through, its request
 * thread stays in it — counted in {@link #stuckWorkers()} (health is DOWN) — while later requests run in the freed
 * slots. A release's warm-up runs on a worker thread that is abandoned at its deadline, so a reload always answers.
 */
public final class Evaluator {

    /** Default deadline of one evaluation: a request evaluates in well under a millisecond once warm. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(300);
    /** The first evaluation of a fresh release generates classes and warms the JIT: it gets longer. */
    public static final Duration DEFAULT_WARM_UP_DEADLINE = Duration.ofSeconds(10);

    private final int maxRuleFirings;
    private final Duration deadline;
    private final Duration warmUpDeadline;
    /** Requests past their deadline whose computation has not returned yet (their slots are already free). */
    private final AtomicInteger overdue = new AtomicInteger();
    private final Set<AtomicReference<Thread>> abandoned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "rule-evaluation-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });
    /**
     * At most this many evaluations run at once. Evaluation is pure CPU work: more concurrent sessions than cores only
     * adds context switches and cache misses (measured in-process: 32.7k evaluations/s on 2 threads, 11.8k on 8),
     * so request threads beyond it wait their turn here instead of competing.
     */
    private final Semaphore running;

    /**
     * For tools and tests that run the engine outside the service (review report, scenario cases): a cold JVM's first
     * evaluations are slow, so they get the warm-up deadline. The service passes its configured deadlines.
     */
    public Evaluator(int maxRuleFirings) {
        this(maxRuleFirings, Runtime.getRuntime().availableProcessors());
    }

    public Evaluator(int maxRuleFirings, int maxConcurrentEvaluations) {
        this(maxRuleFirings, maxConcurrentEvaluations, DEFAULT_WARM_UP_DEADLINE, DEFAULT_WARM_UP_DEADLINE);
    }

    public Evaluator(int maxRuleFirings, int maxConcurrentEvaluations, Duration deadline, Duration warmUpDeadline) {
        this.maxRuleFirings = maxRuleFirings;
        this.running = new Semaphore(Math.max(1, maxConcurrentEvaluations));
        this.deadline = deadline;
        this.warmUpDeadline = warmUpDeadline;
    }

    public EvaluationResult evaluate(Release release, EvaluationRequest request, Region region, LocalDate asOf,
                                     Set<Area> areas, boolean trace) {
        // The first traced evaluation of a release compiles its condition probes here, outside the deadline, and runs
        // them cold: it gets the warm-up deadline, like the first evaluation of a fresh release.
        boolean coldProbes = trace && release.probes().prepare();
        return evaluate(release, request, region, asOf, areas, trace, coldProbes ? warmUpDeadline : deadline);
    }

    public Duration deadline() {
        return deadline;
    }

    /**
     * A request's evaluation: on the caller's thread, watched by {@link DeadlineWatch}. Past the deadline the session
     * is halted and the slot freed at once; the caller gets {@link EvaluationDeadlineException} when its computation
     * returns — never a late verdict.
     */
    private EvaluationResult evaluate(Release release, EvaluationRequest request, Region region, LocalDate asOf,
                                      Set<Area> areas, boolean trace, Duration limit) {
        running.acquireUninterruptibly();
        AtomicBoolean slotHeld = new AtomicBoolean(true);
        Runnable freeSlot = () -> {
            if (slotHeld.compareAndSet(true, false)) {
                running.release();
            }
        };
        try (DeadlineWatch.Watched watched = DeadlineWatch.watch(limit, () -> {
            overdue.incrementAndGet();
            freeSlot.run();
        })) {
            try {
                EvaluationResult result = evaluateNow(release, request, region, asOf, areas, trace, watched::session);
                if (watched.expired()) {
                    throw new EvaluationDeadlineException(limit);
                }
                return result;
            } catch (RunawayRulesException e) {
                throw watched.expired() ? new EvaluationDeadlineException(limit) : e;
            } finally {
                if (watched.expired()) {
                    overdue.decrementAndGet();
                }
            }
        } finally {
            freeSlot.run();
        }
    }

    /**
     * The warm-up of a new release: on a worker thread, so that a warm-up that never ends (a rule computing forever)
     * is abandoned at its deadline and the reload that asked for it gets its answer.
     */
    private EvaluationResult evaluateIsolated(Release release, EvaluationRequest request, Region region, LocalDate asOf,
                                              Set<Area> areas, Duration limit) {
        AtomicReference<KieSession> session = new AtomicReference<>();
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<EvaluationResult> work = workers.submit(() -> {
            runner.set(Thread.currentThread());
            try {
                return evaluateNow(release, request, region, asOf, areas, false, session::set);
            } finally {
                runner.set(null);
            }
        });
        try {
            return work.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(work, session.get(), runner);
            throw new EvaluationDeadlineException(limit);
        } catch (InterruptedException e) {
            abandon(work, session.get(), runner);
            Thread.currentThread().interrupt();
            throw new RunawayRulesException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new RunawayRulesException("evaluation failed", e.getCause());
        }
    }

    /**
     * The same evaluation without a deadline: no slot, no watch. Benchmarks only ({@code DeadlineCostBenchmark}): it
     * measures what the deadline costs a request. Nothing in the service calls it — an evaluation without a deadline
     * is what the time budget exists to prevent.
     */
    EvaluationResult evaluateWithoutDeadline(Release release, EvaluationRequest request, Region region, LocalDate asOf,
                                             Set<Area> areas) {
        return evaluateNow(release, request, region, asOf, areas, false, session -> { });
    }

    /**
     * Halts the session (ends an agenda loop at its next firing), interrupts the worker, and keeps the task's runner
     * in {@link #abandoned} so health counts it until its computation ends, if ever.
     */
    private void abandon(Future<?> work, KieSession session, AtomicReference<Thread> runner) {
        if (session != null) {
            try {
                session.halt();
            } catch (RuntimeException ignored) {
                // the session may be in any state; it is discarded either way
            }
        }
        work.cancel(true);
        abandoned.add(runner);
    }

    /** Workers abandoned in a computation past its deadline that has not ended yet (health is DOWN while any is). */
    public int stuckWorkers() {
        abandoned.removeIf(r -> r.get() == null);
        return abandoned.size() + overdue.get();
    }

    private EvaluationResult evaluateNow(Release release, EvaluationRequest request, Region region, LocalDate asOf,
                                         Set<Area> areas, boolean trace, Consumer<KieSession> onSession) {
        RuleSelection selection = release.select(region.layers(), asOf, areas);
        FindingCollector findings = new FindingCollector(release, request.community().id());
        ParameterView params = new ParameterView(release.parameters(), region.layers(), asOf);
        List<Object> facts = null;
        KieSession session = release.newSession();
        onSession.accept(session);
        try {
            session.setGlobal("findings", findings);
            session.setGlobal("params", params);
            session.setGlobal("calendar", release.calendar());
            session.insert(request.community());
            for (String layer : region.layers()) {
                for (Area area : areas) {
                    RuleScope scope = release.scope(layer, area);
                    if (scope != null) {
                        session.insert(scope);
                    }
                }
            }
            insertFacts(session, request, areas, params, release.calendar());
            int fired = session.fireAllRules(match -> selection.allows(match.getRule().getName()), maxRuleFirings);
            if (fired >= maxRuleFirings) {
                throw new RunawayRulesException("rule evaluation stopped after " + fired + " rule firings (limit "
                        + maxRuleFirings + "); rules fired most: " + mostFired(findings.firings()));
            }
            if (trace) {
                facts = new ArrayList<>(session.getObjects()); // consequences change no fact: what the rules matched
            }
        } catch (ConsequenceException e) {
            throw new RunawayRulesException("rule " + e.getMatch().getRule().getName() + " failed: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        } finally {
            session.dispose();
        }
        List<Finding> list = new ArrayList<>(findings.findings());
        for (Area area : areas) {
            list.addAll(CoverageCheck.findings(release.coverage(), release.policies(), region, request, area, asOf));
        }
        if (areas.contains(Area.REPAIR)) {
            RepairEligibility.undecided(list, request.community().id()).ifPresent(list::add);
        }
        list.sort(FindingCollector.ORDER);
        Map<Area, EvaluationResult.AreaResult> areaResults = new EnumMap<>(Area.class);
        for (Area area : areas) {
            AreaStatus status = AreaStatus.of(list.stream().filter(f -> f.area() == area).map(Finding::severity).toList());
            areaResults.put(area, new EvaluationResult.AreaResult(status, AreaModule.of(area).eligibility(list)));
        }
        AreaStatus outcome = AreaStatus.worst(areaResults.values().stream().map(EvaluationResult.AreaResult::status).toList());
        return new EvaluationResult(null, new EvaluationResult.ReleaseRef(release.id(), release.label()), region, asOf, outcome,
                areaResults, list, trace ? RuleTrace.of(release, region, asOf, areas, selection, findings.firings(), facts, params) : null);
    }

    /**
     * One throw-away evaluation right after a compile: the first run of a KieBase costs ~100 ms (class generation,
     * JIT), which should not land on the first real request.
     */
    public void warmUp(Release release) {
        Region national = new Region(cn.propertycompliance.region.RegionTable.NATIONAL, "全国",
                List.of(cn.propertycompliance.region.RegionTable.NATIONAL));
        EvaluationRequest request = new EvaluationRequest(null, national.code(), LocalDate.now(), null,
                new cn.propertycompliance.facts.Community("warm-up", null, null, null, null, null, null, null, null),
                new cn.propertycompliance.facts.Fee(null, null, null, null, null, null, null, null, null),
                new cn.propertycompliance.facts.Filings(null, null), new Committee(null, null), null);
        evaluateIsolated(release, request, national, LocalDate.now(), java.util.EnumSet.allOf(Area.class), warmUpDeadline);
    }

    /**
     * The request's fact blocks, plus each area's derived facts (assessments computed once here, in plain Java, from
     * the facts and the parameters in force, so that rules match them instead of each recomputing them).
     */
    private static void insertFacts(KieSession session, EvaluationRequest request, Set<Area> areas, ParameterView params,
                                    LegalCalendar calendar) {
        for (Area area : areas) {
            AreaModule module = AreaModule.of(area);
            if (module.block(request) != null) {
                module.facts(request, params, calendar).forEach(session::insert);
            }
        }
    }

    private static String mostFired(Map<String, Integer> firings) {
        return firings.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + "×" + e.getValue()).toList().toString();
    }
}
