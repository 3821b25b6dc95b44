using System.Diagnostics;
using LmcBot.Core.Answering;
using LmcBot.Core.Embedding;

namespace LmcBot.Benchmarks;

/// <summary>
/// <c>dense-model [rounds]</c>: the sentence model in a fresh process: load time (first embedding, cold), resident memory
/// before and after, then each dev question embedded alone (as answering embeds one question) for
/// <c>rounds</c> rounds: median, p90, p99 and max per question; and a batch of the shipped texts as ingest embeds them.
/// </summary>
internal static class DenseModel
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var rssBefore = Rss();
        var watch = Stopwatch.StartNew();
        using var embedder = new MiniLmSentenceEmbedder();
        embedder.Embed(["Lancang-Mekong Cooperation"]);
        var load = watch.Elapsed;
        Console.WriteLine($"model load + first embedding: {load.TotalMilliseconds:0} ms; RSS {rssBefore:0} MB before, {Rss():0} MB after");

        var questions = Repo.DevQuestions();
        foreach (var q in questions.Take(20)) embedder.Embed([q]); // JIT and ONNX Runtime's first-run allocations
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
            foreach (var question in questions)
            {
                watch.Restart();
                embedder.Embed([question]);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine($"one question ({questions.Count} questions x {rounds}): median {P(0.5):0.00} ms, p90 {P(0.9):0.00} ms, p99 {P(0.99):0.00} ms, max {times[^1]:0.00} ms; RSS {Rss():0} MB");

        var texts = ShippedVectors.Texts(KnowledgeBase.ReadFolder(Repo.Knowledge)).Distinct().ToList();
        foreach (var size in new[] { 1, 8, 32 })
        {
            var sample = texts.Take(96).ToList();
            watch.Restart();
            for (var start = 0; start < sample.Count; start += size) embedder.Embed(sample.Skip(start).Take(size).ToList());
            Console.WriteLine($"batch size {size}: {watch.Elapsed.TotalMilliseconds / sample.Count:0.0} ms per text over {sample.Count} shipped texts; RSS {Rss():0} MB");
        }
        var source = new DenseVectorSource(embedder);
        watch.Restart();
        source.VectorsFor(texts);
        Console.WriteLine($"shipped knowledge, {texts.Count} texts in batches of {DenseVectorSource.BatchSize}: {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalMilliseconds / texts.Count:0.0} ms per text); RSS {Rss():0} MB");
        return 0;
    }

    private static double Rss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64 / 1048576.0;
    }
}
