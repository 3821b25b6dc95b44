using System.Globalization;
using System.Text;
using System.Text.Json;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Embedding;
using LmcBot.Core.Conversations;
using LmcBot.Core.Knowledge;
using LmcBot.Fit.Evaluation;
using LmcBot.Fit.Fitting;

// Fits the answering scorer on the training part of tests/eval and chooses its thresholds on the validation part.
//   fit      rewrite src/LmcBot.Core/Answering/Scoring/scorer.json and docs/answering-fit.md
//   report   answer the validation part with the committed scorer and print the figures (CI runs this)
var verb = args.FirstOrDefault() ?? "report";
var root = FindRoot();
var rows = EvalSet.Load(root);
var train = rows.Where(r => !r.IsValidation).ToList();
var validation = rows.Where(r => r.IsValidation).ToList();
Console.Error.WriteLine($"{rows.Count} labelled questions: {train.Count} training, {validation.Count} validation");
ISentenceEmbedder? embedder = args.Contains("--no-model") ? null : Embedders.Default();
using var bot = new EvalBot(root, embedder);
var index = bot.KnowledgeBase.Current;

if (verb == "report")
{
    // The default engine (guarded), or --pipeline / --legacy alone.
    var mode = args.Contains("--legacy") ? AnsweringEngine.Legacy : args.Contains("--pipeline") ? AnsweringEngine.Pipeline : AnsweringEngine.Guarded;
    var engine = new AnswerEngine(embedder, mode);
    // --train reports the training part instead: failures to study are read there, never on the validation part.
    var part = args.Contains("--train") ? train : validation;
    var results = part.Select(r => (r, engine.Answer(r.Question, index))).ToList();
    var report = EvalReport.Of(results);
    Console.WriteLine($"{(part == train ? "training" : "validation")} ({mode}): {report}");
    if (args.Contains("--failures"))
        foreach (var (row, answer) in report.Failures)
            Console.WriteLine($"  {(row.Answerable ? "MISS" : "TRAP")} {row.Id} [{string.Join(',', row.ExpectAll)}] {row.Question}\n       -> {(answer.Answered ? "" : "(declined) ")}{Trim(answer.Text)}");
    return 0;
}
if (verb == "follow-up")
{
    // How one message is read after one question: LmcBot.Fit -- follow-up "How long is the China-Laos Railway?" "and the Lao section?"
    var (first, message) = (args[1], args[2]);
    var context = LmcBot.Core.Conversations.ResolvedQuestion.AsAsked(first, index)
        .ContextAfter(bot.Bot.Ask(first, ChatPlatform.Cli), index);
    var analysis = LmcBot.Core.Answering.Reading.QuestionAnalysis.Analyze(message, index);
    Console.WriteLine($"context: {context}");
    Console.WriteLine($"message tokens [{string.Join(' ', analysis.Tokens)}] entities [{string.Join(", ", analysis.EntityIds.Select(id => index.Entities[id].Name))}] unknown names [{string.Join(", ", analysis.UnknownNames)}] content [{string.Join(' ', analysis.ContentTerms)}] unknown terms [{string.Join(' ', analysis.UnknownTerms)}] years [{string.Join(' ', analysis.Years)}] ordinals [{string.Join(' ', analysis.Ordinals)}]");
    Console.WriteLine($"reading: {LmcBot.Core.Conversations.FollowUpResolver.Resolve(message, context, index).Question}");
    return 0;
}
if (verb == "conversations")
{
    // The follow-up conversations of tests/eval/conversations through the conversation service the host runs; the
    // validation part by default, --train for the part to study failures on.
    var conversations = ConversationSet.Load(root).Where(c => c.IsValidation != args.Contains("--train")).ToList();
    var service = LmcBot.Fit.Evaluation.ConversationBot.Create(bot.KnowledgeBase);
    var report = ConversationSet.Run(conversations, service, bot.Bot);
    Console.WriteLine($"{(args.Contains("--train") ? "training" : "validation")}: {report}");
    if (args.Contains("--failures"))
        foreach (var (conversation, turn, answer, reading, why) in report.Failures)
            Console.WriteLine($"  {why} {conversation.Id}#{turn + 1} {string.Join(" / ", conversation.Turns.Take(turn + 1).Select(t => t.Question))}\n       read: {reading}\n       -> {(answer.Answered ? "" : "(declined) ")}{Trim(answer.Text)}");
    return 0;
}
if (verb == "shared")
{
    // The shared dev questions beside the repository (../shared/eval, or LMCBOT_EVAL), answered by the default engine:
    // an extra check only where that folder exists (the project's own questions are tests/eval), said plainly where not.
    var folder = Environment.GetEnvironmentVariable("LMCBOT_EVAL") is { Length: > 0 } set ? set : Path.GetFullPath(Path.Combine(root, "..", "shared", "eval"));
    if (!Directory.Exists(folder))
    {
        Console.WriteLine($"shared dev questions: {folder} does not exist, not run (an extra check only; tests/eval is the project's own)");
        return 0;
    }
    var engine = new AnswerEngine(embedder);
    int total = 0, right = 0;
    foreach (var file in Directory.GetFiles(folder, "dev-questions*.jsonl").Order(StringComparer.Ordinal))
        foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            var question = r.GetProperty("q").GetString()!;
            var answer = engine.Answer(question, index);
            bool Matches(string pattern) => System.Text.RegularExpressions.Regex.IsMatch(answer.Text, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            string[] Patterns(string name) => r.TryGetProperty(name, out var p) ? [.. p.EnumerateArray().Select(e => e.GetString()!)] : [];
            var ok = r.TryGetProperty("unanswerable", out var u) && u.GetBoolean()
                ? !answer.Answered
                : answer.Answered && answer.Citations.Count > 0 && Patterns("expect_all").All(Matches) && Patterns("expect_any") is var any && (any.Length == 0 || any.Any(Matches));
            total++;
            if (ok) right++;
            else if (args.Contains("--failures")) Console.WriteLine($"  WRONG {Path.GetFileNameWithoutExtension(file)}/{r.GetProperty("id").GetString()} {question}\n       -> {Trim(answer.Text)}");
        }
    Console.WriteLine($"shared dev questions ({folder}): {right} of {total} right");
    return 0;
}
if (verb == "veto")
{
    // The guarded engine over each part at each veto threshold, with the committed scorer.
    foreach (var (name, part) in new[] { ("training", train), ("validation", validation) })
        foreach (var (v, report) in VetoSweep(ScorerSettings.Default, part))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} veto below {v:0.00}: {report}"));
    return 0;
}
if (verb == "timing")
{
    // The pipeline's time per question over every evaluation question, no answer cache (the engine is called
    // directly), after one warm-up pass; and how often the cascade let the sentence model run.
    // The default engine (guarded), or --pipeline / --legacy alone.
    var timed = args.Contains("--legacy") ? AnsweringEngine.Legacy : args.Contains("--pipeline") ? AnsweringEngine.Pipeline : AnsweringEngine.Guarded;
    var engine = new AnswerEngine(embedder, timed);
    foreach (var row in rows) engine.Answer(row.Question, index);
    var times = new List<double>();
    var stopwatch = new System.Diagnostics.Stopwatch();
    foreach (var row in rows)
    {
        stopwatch.Restart();
        engine.Answer(row.Question, index);
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    var pipeline = new AnswerPipeline(embedder, ScorerSettings.Default);
    var dense = rows.Count(r => { var t = new AnswerTrace(); pipeline.Answer(r.Question, index, t); return t.Decision?.DenseRan == true; });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{timed}, {times.Count} questions: median {At(0.5):0.000} ms, p90 {At(0.9):0.000} ms, p99 {At(0.99):0.000} ms, max {times[^1]:0.000} ms; the sentence model ran for {dense} ({(double)dense / rows.Count:P0})"));
    return 0;
}
if (verb == "diagnose")
{
    // Where the training questions go wrong: no right candidate retrieved, a right one not ranked first,
    // ranked first but composed without the expected patterns, or right but below the threshold.
    var pipeline = new AnswerPipeline(embedder, ScorerSettings.Default);
    var engine = new AnswerEngine(embedder, pipeline: true);
    var counts = new Dictionary<string, int>();
    foreach (var row in train.Where(r => r.Answerable))
    {
        var (_, early, lexical, hybrid) = pipeline.Inspect(row.Question, index);
        var candidates = hybrid ?? lexical;
        var model = hybrid is null ? ScorerSettings.Default.LexicalModel : ScorerSettings.Default.HybridModel;
        foreach (var c in candidates) c.Probability = model.Probability(c.Features);
        var ranked = candidates.OrderByDescending(c => c.Probability).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var answer = engine.Answer(row.Question, index);
        var kind = early is not null ? "early-" + early
            : !ranked.Any(c => IsRight(row, c, index)) ? "not-retrieved"
            : !IsRight(row, ranked[0], index) ? (EvalJudge.AnsweredRight(row, answer) ? "right-anyway" : "not-first")
            : EvalJudge.AnsweredRight(row, answer) ? "right"
            : answer.Answered ? "composed-wrong" : "below-threshold";
        counts[kind] = counts.GetValueOrDefault(kind) + 1;
        if (args.Contains("--failures") && kind is not ("right" or "right-anyway"))
            Console.WriteLine($"{kind,-16} {row.Id} [{string.Join(',', row.ExpectAll)}] {row.Question}\n   top: {(ranked.Count > 0 ? $"{ranked[0].Probability:0.00} {ranked[0]}" : "-")}\n   -> {Trim(answer.Text)}");
    }
    foreach (var (kind, n) in counts.OrderByDescending(p => p.Value)) Console.WriteLine($"{kind}: {n}");
    return 0;
}
if (verb == "choices")
{
    // "Did you mean": the margin swept on the training part of tests/eval/choices and chosen there; the validation
    // part and the answering questions (how often an ordinary question would ask) reported at the chosen value.
    var engine = new AnswerEngine(embedder);
    var choiceRows = ChoiceRow.Load(root);
    var choiceReads = choiceRows.Select(r => ChoiceRead.Of(r.Question, engine, index)).ToList();
    var answeringReads = rows.Where(r => r.Answerable).Select(r => (Row: r, Read: ChoiceRead.Of(r.Question, engine, index))).ToList();
    var margins = Enumerable.Range(0, 101).Select(i => i / 100.0).ToList();
    ChoiceFigures Figures(bool validationPart, double m) => ChoiceFigures.Of(
        [.. choiceRows.Select((r, i) => (r, choiceReads[i])).Where(p => p.r.IsValidation == validationPart)], m);
    Console.WriteLine("| margin | training: ambiguous asked (right choices) | training: unambiguous asked | training: J |");
    Console.WriteLine("|---|---|---|---|");
    var trainingCurve = margins.Select(m => (M: m, F: Figures(false, m))).ToList();
    foreach (var (m, f) in trainingCurve.Where(p => Math.Round(p.M * 100) % 5 == 0))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {m:0.00} | {f.AskedRight}/{f.Ambiguous} ({f.AskedRightRate:P1}) | {f.FalseAsks}/{f.Unambiguous} ({f.FalseAskRate:P1}) | {f.J:0.000} |"));
    // Youden's J (ambiguous questions asked with right choices, less unambiguous ones asked); the smallest margin of the best.
    var bestJ = trainingCurve.Max(p => p.F.J);
    var chosenMargin = trainingCurve.First(p => p.F.J >= bestJ - 1e-9).M;
    var atTraining = Figures(false, chosenMargin);
    var atValidation = Figures(true, chosenMargin);
    var ordinary = answeringReads.Count(p => p.Read.Asks(chosenMargin));
    var ordinaryTraining = answeringReads.Where(p => !p.Row.IsValidation).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen on the training part: margin {chosenMargin:0.00}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training: {atTraining}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation: {atValidation}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"answerable questions of tests/eval that would ask: training {ordinaryTraining.Count(p => p.Read.Asks(chosenMargin))} of {ordinaryTraining.Count}, all {ordinary} of {answeringReads.Count}"));
    // What asking costs the answering figures through the bot: of the questions that would ask, how many the engine
    // answered right, and how many a click on one of the choices answers right.
    var asking = answeringReads.Where(p => p.Read.Asks(chosenMargin)).ToList();
    var rightBefore = asking.Count(p => EvalJudge.IsRight(p.Row, engine.Answer(p.Row.Question, index)));
    var rightByChoice = asking.Count(p => p.Read.Choices(chosenMargin).Any(c => EvalJudge.IsRight(p.Row, engine.Answer(c.Question, index))));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"of those {asking.Count}: {rightBefore} were answered right without asking; a choice answers {rightByChoice} right"));
    if (args.Contains("--timing"))
    {
        // What the disambiguator adds to an answered question in a conversation (its reading, and the choices' checks
        // when it asks), over every evaluation question after a warm-up pass, with no answer cache.
        var answered = rows.Select(r => r.Question).Where(q => engine.Answer(q, index).Answered).ToList();
        var times = new List<double>();
        for (var pass = 0; pass < 2; pass++)
        {
            times.Clear();
            foreach (var question in answered)
            {
                // As in a conversation: the answer first (not timed), then the disambiguator reads the same request.
                var answer = engine.Answer(question, index);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                Disambiguator.Choices(Disambiguator.Read(question, answer, engine, index), chosenMargin, s => Disambiguator.Verified(question, s, engine, index));
                times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time the disambiguator adds to {times.Count} answered questions: median {At(0.5):0.000} ms, p90 {At(0.9):0.000} ms, p99 {At(0.99):0.000} ms, max {times[^1]:0.000} ms"));
    }
    if (args.Contains("--rows"))
        foreach (var (row, read) in choiceRows.Zip(choiceReads))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(row.IsValidation ? "V" : "T")} {(row.Ambiguous ? "AMB" : "one")} {(read.Asks(chosenMargin) ? "ASKS" : "    ")} {row.Id} {row.Question}\n      answer about {read.Answered ?? "-"}: {string.Join(" | ", read.Subjects.Select(s => $"{s.Share:0.000} {s.Label}{(s.ChoiceFactId is null ? " (not answered)" : $" -> {s.ChoiceFactId}")}"))}"));
    if (args.Contains("--ordinary"))
        foreach (var (row, read) in answeringReads.Where(p => p.Read.Asks(chosenMargin)))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(row.IsValidation ? "V" : "T")} {row.Id} {row.Question}: {string.Join(" | ", read.Subjects.Select(s => $"{s.Share:0.000} {s.Label}"))}"));
    return 0;
}
if (verb is not ("fit" or "cv"))
{
    Console.Error.WriteLine("usage: LmcBot.Fit fit|cv [--without feature,feature] | choices [--rows] [--ordinary] [--timing] | report [--failures] [--no-model] [--pipeline|--legacy] [--train] | veto | timing | diagnose [--failures] | shared [--failures] | conversations [--train] [--failures] | follow-up QUESTION MESSAGE");
    return 2;
}

var inspector = new AnswerPipeline(embedder, ScorerSettings.Default);
var lexicalGroups = new List<(EvalRow Row, List<float[]> X, List<bool> Y)>();
var hybridGroups = new List<(EvalRow Row, List<float[]> X, List<bool> Y)>();
var found = 0;
foreach (var row in train)
{
    var (_, early, lexical, hybrid) = inspector.Inspect(row.Question, index);
    if (early is not null) continue;
    var lex = (row, lexical.Select(c => c.Features).ToList(), lexical.Select(c => row.Answerable && IsRight(row, c, index)).ToList());
    lexicalGroups.Add(lex);
    if (hybrid is not null)
        hybridGroups.Add((row, hybrid.Select(c => c.Features).ToList(), hybrid.Select(c => row.Answerable && IsRight(row, c, index)).ToList()));
    if ((hybrid is null ? lex.Item3 : hybridGroups[^1].Y).Any(y => y)) found++;
}
Console.Error.WriteLine($"training: {lexicalGroups.Sum(g => g.X.Count)} lexical and {hybridGroups.Sum(g => g.X.Count)} hybrid candidates; a right candidate retrieved for {found} of {train.Count(r => r.Answerable)} answerable questions");

// --without a,b leaves features out of every model (for ablations: "cv --without recency,newest").
var without = args.SkipWhile(a => a != "--without").Skip(1).FirstOrDefault()?.Split(',').ToHashSet(StringComparer.Ordinal) ?? [];
foreach (var name in without) FeatureSet.IndexOf(name);
bool[] Use(Func<string, bool> keep) => FeatureSet.Names.Select(n => keep(n) && !without.Contains(n)).ToArray();
var rankLexical = Use(n => !FeatureSet.DenseNames.Contains(n) && !FeatureSet.DecisionNames.Contains(n));
var rankHybrid = Use(n => !FeatureSet.DecisionNames.Contains(n));
var decideLexical = Use(n => !FeatureSet.DenseNames.Contains(n));
var decideHybrid = Use(_ => true);
// The ridge strength, chosen by 5-fold cross-validation within the training part (folds by id hash, never the
// validation part): the value whose held-out decide log-loss is lowest.
var chosenL2 = LogisticFit.DefaultL2;
{
    var candidatesL2 = new[] { 0.1, 0.3, 1.0, 3.0, 10.0 };
    var groups = hybridGroups.Count > 0 ? hybridGroups : lexicalGroups;
    var (rankUse, decideUse) = hybridGroups.Count > 0 ? (rankHybrid, decideHybrid) : (rankLexical, decideLexical);
    var best = double.MaxValue;
    foreach (var l2 in candidatesL2)
    {
        var loss = 0.0;
        var count = 0;
        int answerable = 0, rankedFirst = 0;
        for (var fold = 0; fold < 5; fold++)
        {
            var inFold = groups.Where(g => EvalSplit.Fnv1a(System.Text.Encoding.UTF8.GetBytes(g.Row.Id + "#cv")) % 5 == fold).ToList();
            var rest = groups.Except(inFold).ToList();
            var (rank, decide) = FitPair(rest, rankUse, decideUse, l2);
            var ranker = rank.ToModel();
            var decider = decide.ToModel();
            foreach (var (_, x, y) in inFold)
            {
                if (x.Count == 0) continue;
                var candidates = x.Select((f, i) => (f: (float[])f.Clone(), y: y[i])).ToList();
                var order = candidates.Select(c => (c, z: ranker.LogOdds(c.f))).OrderByDescending(p => p.z).ToList();
                var first = order[0].c.f;
                RankFeatures.Fill(first, [.. order.Select(o => o.z)]);
                var p = Math.Clamp(decider.Probability(first), 1e-6, 1 - 1e-6);
                loss -= order[0].c.y ? Math.Log(p) : Math.Log(1 - p);
                count++;
                if (y.Any(v => v))
                {
                    answerable++;
                    if (order[0].c.y) rankedFirst++;
                }
            }
        }
        Console.Error.WriteLine($"ridge {l2}: held-out decide log-loss {loss / count:0.0000}, a right candidate ranked first for {(double)rankedFirst / Math.Max(1, answerable):P1} of the {answerable} that have one");
        if (loss / count < best) { best = loss / count; chosenL2 = l2; }
    }
    Console.Error.WriteLine($"ridge chosen: {chosenL2}");
}
// "cv" stops here: the cross-validated figures on the training part alone, for comparing features
// without touching the validation part or the committed scorer.
if (verb == "cv") return 0;
var (lexicalModel, lexicalDecide) = FitPair(lexicalGroups, rankLexical, decideLexical);
var (hybridModel, hybridDecide) = hybridGroups.Count > 0 ? FitPair(hybridGroups, rankHybrid, decideHybrid) : (lexicalModel, lexicalDecide);
var denseOnlyUse = Use(n => FeatureSet.DenseNames.Contains(n));
var (denseModel, denseDecide) = hybridGroups.Count > 0 ? FitPair(hybridGroups, denseOnlyUse, Use(n => FeatureSet.DenseNames.Contains(n) || FeatureSet.DecisionNames.Contains(n))) : (null, null);

// Cascade and threshold, chosen on the validation part.
var cascades = new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01 };
var sweeps = new List<(double Cascade, Sweep Best, List<Point> Curve)>();
foreach (var cascade in embedder is null ? [1.01] : cascades)
{
    var points = Points(new ScorerSettings { Threshold = 0, CascadeThreshold = cascade, Lexical = lexicalModel, Hybrid = hybridModel, LexicalDecide = lexicalDecide, HybridDecide = hybridDecide });
    var (best, curve) = Choose(points);
    sweeps.Add((cascade, best, curve));
    Console.Error.WriteLine($"cascade {cascade}: best threshold {best.Threshold:0.000}: answers {best.AnswerRate:P1}, declines {best.DeclineRate:P1}");
}
var top = sweeps.Max(s => s.Best.Objective);
// The smallest cascade threshold (the model runs least) whose result is as good as the best, to within half a point.
var chosen = sweeps.Where(s => s.Best.Objective >= top - 0.005).OrderBy(s => s.Cascade).First();
// The guarded engine's veto threshold, chosen on the training part (the pipeline's scores there are fitted, but the
// first round's engine it guards was never fitted to them), by the same objective as the decline threshold.
var unvetoed = new ScorerSettings
{
    Threshold = Math.Round(chosen.Best.Threshold, 4),
    CascadeThreshold = chosen.Cascade,
    Lexical = lexicalModel,
    Hybrid = hybridModel,
    LexicalDecide = lexicalDecide,
    HybridDecide = hybridDecide,
};
var vetoTraining = VetoSweep(unvetoed, train);
var vetoValidation = VetoSweep(unvetoed, validation);
var veto = vetoTraining.MaxBy(p => Objective(p.Report.AnswerRate, p.Report.DeclineRate)).V;
Console.Error.WriteLine($"veto chosen on the training part: {veto}");
var settings = unvetoed with
{
    VetoThreshold = veto,
    Report = new Dictionary<string, JsonElement>
    {
        ["trainingQuestions"] = JsonSerializer.SerializeToElement(train.Count),
        ["validationQuestions"] = JsonSerializer.SerializeToElement(validation.Count),
        ["validationAnswerableRight"] = JsonSerializer.SerializeToElement(Math.Round(chosen.Best.AnswerRate, 4)),
        ["validationDeclinesRight"] = JsonSerializer.SerializeToElement(Math.Round(chosen.Best.DeclineRate, 4)),
        ["model"] = JsonSerializer.SerializeToElement(embedder?.ModelId ?? "none"),
        ["ridge"] = JsonSerializer.SerializeToElement(chosenL2),
    },
};
File.WriteAllText(Path.Combine(root, "src", "LmcBot.Core", "Answering", "Scoring", "scorer.json"), settings.ToJson() + "\n");

// Ablation on the validation part: each retrieval alone, then both, each at its own best threshold, no cascade.
var ablation = new List<(string Name, Sweep Best)>
{
    ("lexical only", Choose(Points(new ScorerSettings { Threshold = 0, CascadeThreshold = 0, Lexical = lexicalModel, Hybrid = lexicalModel, LexicalDecide = lexicalDecide, HybridDecide = lexicalDecide })).Best),
};
if (denseModel is not null)
{
    ablation.Add(("dense only", Choose(Points(new ScorerSettings { Threshold = 0, CascadeThreshold = 1.01, Lexical = lexicalModel, Hybrid = denseModel, LexicalDecide = lexicalDecide, HybridDecide = denseDecide })).Best));
    ablation.Add(("hybrid", Choose(Points(new ScorerSettings { Threshold = 0, CascadeThreshold = 1.01, Lexical = lexicalModel, Hybrid = hybridModel, LexicalDecide = lexicalDecide, HybridDecide = hybridDecide })).Best));
}
ablation.Add(("hybrid with the cascade (shipped)", chosen.Best));
File.WriteAllText(Path.Combine(root, "docs", "answering-fit.md"), FitReport(settings, chosen.Curve, ablation, sweeps) + VetoReport(veto, vetoTraining, vetoValidation));
Console.WriteLine($"chosen: cascade {settings.CascadeThreshold}, threshold {settings.Threshold}: answers right {chosen.Best.AnswerRate:P1}, declines right {chosen.Best.DeclineRate:P1}");
return 0;

List<(double V, EvalReport Report)> VetoSweep(ScorerSettings s, List<EvalRow> part)
{
    var legacy = new AnswerEngine(embedder, pipeline: false);
    var pipeline = new AnswerPipeline(embedder, s);
    var seen = part.Select(r =>
    {
        var trace = new AnswerTrace();
        var answer = pipeline.Answer(r.Question, index, trace);
        return (Row: r, Legacy: legacy.Answer(r.Question, index), Pipeline: answer, P: AnswerEngine.VetoScore(trace, answer));
    }).ToList();
    double[] vetoes = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
    return [.. vetoes.Select(v =>
        (v, EvalReport.Of([.. seen.Select(x => (x.Row, x.P < v ? x.Pipeline : x.Legacy))])))];
}

// What every threshold is chosen by: the worse of the two gates' shares (answerable right / 95 %, declines right / 97 %).
static double Objective(double answerRate, double declineRate) => Math.Min(answerRate / 0.95, declineRate / 0.97);

static string VetoReport(double chosen, List<(double V, EvalReport Report)> training, List<(double V, EvalReport Report)> validation)
{
    var sb = new StringBuilder();
    sb.AppendLine();
    sb.AppendLine("## Guarded engine (the default): the first round's engine, vetoed by the pipeline");
    sb.AppendLine();
    sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Veto threshold chosen on the training part: **{chosen:0.00}** (0 vetoes only the pipeline's certain declines)."));
    sb.AppendLine();
    sb.AppendLine("| veto below | training: answerable right | training: declines right | validation: answerable right | validation: declines right | validation: native right |");
    sb.AppendLine("|---|---|---|---|---|---|");
    for (var i = 0; i < training.Count; i++)
    {
        var (v, t) = training[i];
        var w = validation[i].Report;
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {v:0.00} | {t.AnswerRate:P1} | {t.DeclineRate:P1} | {w.AnswerRate:P1} | {w.DeclineRate:P1} | {w.NativeRate:P1} |"));
    }
    return sb.ToString();
}

List<Point> Points(ScorerSettings s)
{
    var engine = new AnswerEngine(embedder, s);
    var points = new List<Point>();
    foreach (var row in validation)
    {
        var answer = engine.Answer(row.Question, index);
        points.Add(new Point(row, answer.Answered, answer.Answered ? answer.Confidence : -1, EvalJudge.IsRight(row, answer) || (!row.Answerable && answer.Answered), answer));
    }
    return points;
}

static (Sweep Best, List<Point> Curve) Choose(List<Point> points)
{
    var thresholds = Enumerable.Range(0, 100).Select(i => i / 100.0).ToList();
    Sweep? best = null;
    foreach (var t in thresholds)
    {
        int answerable = 0, right = 0, declines = 0, declined = 0;
        foreach (var p in points)
        {
            var answers = p.Answered && p.Probability >= t;
            if (p.Row.Answerable) { answerable++; if (answers && EvalJudge.AnsweredRight(p.Row, p.Answer)) right++; }
            else { declines++; if (!answers) declined++; }
        }
        var a = answerable == 0 ? 1 : (double)right / answerable;
        var d = declines == 0 ? 1 : (double)declined / declines;
        var sweep = new Sweep(t, a, d, Objective(a, d), 0);
        if (best is null || sweep.Objective > best.Objective + 1e-9) best = sweep;
    }
    return (best!, points);
}

static string FitReport(ScorerSettings s, List<Point> curve, List<(string Name, Sweep Best)> ablation, List<(double Cascade, Sweep Best, List<Point> Curve)> sweeps)
{
    var sb = new StringBuilder();
    sb.AppendLine("# Scorer fit (generated by `dotnet run -c Release --project tests/LmcBot.Fit -- fit`; do not edit)");
    sb.AppendLine();
    sb.AppendLine(CultureInfo.InvariantCulture, $"Chosen on the validation part: decline threshold **{s.Threshold:0.###}**, cascade threshold **{s.CascadeThreshold:0.##}**.");
    sb.AppendLine();
    sb.AppendLine("## Ablation (validation part, each at its own best threshold)");
    sb.AppendLine();
    sb.AppendLine("| retrieval | threshold | answerable right | declines right |");
    sb.AppendLine("|---|---|---|---|");
    foreach (var (name, b) in ablation) sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {b.Threshold:0.00} | {b.AnswerRate:P1} | {b.DeclineRate:P1} |"));
    sb.AppendLine();
    sb.AppendLine("## Threshold curve (shipped cascade; validation part)");
    sb.AppendLine();
    sb.AppendLine("| threshold | answerable right | wrong answers let through (declines answered) |");
    sb.AppendLine("|---|---|---|");
    foreach (var t in new[] { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
    {
        int answerable = 0, right = 0, declines = 0, leaked = 0;
        foreach (var p in curve)
        {
            var answers = p.Answered && p.Probability >= t;
            if (p.Row.Answerable) { answerable++; if (answers && EvalJudge.AnsweredRight(p.Row, p.Answer)) right++; }
            else { declines++; if (answers) leaked++; }
        }
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {t:0.0} | {(double)right / Math.Max(1, answerable):P1} | {leaked} of {declines} |"));
    }
    sb.AppendLine();
    sb.AppendLine("## Cascade (validation part)");
    sb.AppendLine();
    sb.AppendLine("| cascade threshold | best decline threshold | answerable right | declines right |");
    sb.AppendLine("|---|---|---|---|");
    foreach (var (c, b, _) in sweeps) sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {c:0.00} | {b.Threshold:0.00} | {b.AnswerRate:P1} | {b.DeclineRate:P1} |"));
    sb.AppendLine();
    sb.AppendLine("## Weights (hybrid model; features scaled to [0, 1])");
    sb.AppendLine();
    sb.AppendLine("| feature | hybrid | lexical |");
    sb.AppendLine("|---|---|---|");
    sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| (bias) | {s.Hybrid.Bias:0.00} | {s.Lexical.Bias:0.00} |"));
    foreach (var name in FeatureSet.Names)
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.Hybrid.Weights.GetValueOrDefault(name):0.00} | {s.Lexical.Weights.GetValueOrDefault(name):0.00} |"));
    return sb.ToString();
}

(ModelWeights Rank, ModelWeights Decide) FitPair(List<(EvalRow Row, List<float[]> X, List<bool> Y)> groups, bool[] rankUse, bool[] decideUse, double? l2 = null)
{
    var ridge = l2 ?? chosenL2;
    var rankWeights = LogisticFit.FitConditional([.. groups.Select(g => ((IReadOnlyList<float[]>)g.X, (IReadOnlyList<bool>)g.Y))], rankUse, ridge);
    var rank = Weights((0, rankWeights));
    var ranker = rank.ToModel();
    var tops = new List<float[]>();
    var labels = new List<bool>();
    foreach (var (row, x, y) in groups)
    {
        if (x.Count == 0) continue;
        var order = Enumerable.Range(0, x.Count).Select(i => (i, z: ranker.LogOdds(x[i]))).OrderByDescending(p => p.z).ToList();
        var top = (float[])x[order[0].i].Clone();
        RankFeatures.Fill(top, [.. order.Select(o => o.z)]);
        tops.Add(top);
        labels.Add(y[order[0].i]);
    }
    return (rank, Weights(LogisticFit.Fit(tops, labels, decideUse, ridge)));
}

static ModelWeights Weights((double Bias, double[] Weights) fit) => new()
{
    Bias = Math.Round(fit.Bias, 4),
    Weights = FeatureSet.Names.Select((n, i) => (n, w: Math.Round(fit.Weights[i], 4))).Where(p => p.w != 0).ToDictionary(p => p.n, p => p.w, StringComparer.Ordinal),
};

static bool IsRight(EvalRow row, Candidate c, LmcBot.Core.Answering.KnowledgeIndex index)
{
    if (c.Fact is { } fact)
    {
        if (row.Facts.Contains(fact.Fact.Id, StringComparer.Ordinal)) return true;
        return fact.Fact.Claim is { } claim && row.Facts.Any(f => index.FactNamed(f)?.Fact.Claim == claim);
    }
    var sentence = c.Sentence!;
    var text = LmcBot.Core.Text.TextFolding.Fold(sentence.Text);
    if (row.Sentence is { } wanted && (row.Document is null || row.Document == sentence.DocumentId) && text.Contains(LmcBot.Core.Text.TextFolding.Fold(wanted), StringComparison.Ordinal))
        return true;
    // A sentence that is the quote a labelled fact cites says the same thing.
    return row.Facts.Any(f => index.FactNamed(f)?.Citation?.Quote is { } quote && LmcBot.Core.Text.TextFolding.Fold(quote).Contains(text, StringComparison.Ordinal));
}

static string Trim(string text) => text.Length > 160 ? text[..160] + "…" : text;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "LmcBot.sln"))) return dir.FullName;
    throw new InvalidOperationException("LmcBot.sln not found above " + AppContext.BaseDirectory);
}

internal sealed record Point(EvalRow Row, bool Answered, double Probability, bool Right, Answer Answer);

internal sealed record Sweep(double Threshold, double AnswerRate, double DeclineRate, double Objective, double DenseShare);

internal static class Embedders
{
    public static ISentenceEmbedder? Default() => MiniLmSentenceEmbedder.Shared;
}
