using LmcBot.Core.Answering.Retrieval;

namespace LmcBot.Cli;

/// <summary>Shows a long embedding run on standard error ("embedding 320/1200 texts"), about every tenth of the way.</summary>
internal sealed class ConsoleEmbeddingProgress(TextWriter error) : IProgress<EmbeddingProgress>
{
    /// <summary>Runs shorter than this (a few admin facts, well under a second) print nothing.</summary>
    private const int QuietBelow = 200;

    private int _lastTenth = -1;

    public void Report(EmbeddingProgress value)
    {
        if (value.Total < QuietBelow) return;
        var tenth = value.Done * 10 / value.Total;
        if (tenth == _lastTenth) return;
        _lastTenth = tenth;
        error.WriteLine($"embedding {value.Done}/{value.Total} texts with the sentence model");
    }
}
