using LmcBot.Cli;
using LmcBot.Core.Embedding;

namespace LmcBot.Tests.Cli;

public sealed class TerminalProgressTests
{
    [Fact]
    public void OnATerminal_ALongRun_ShowsAboutTenLines()
    {
        var error = new StringWriter();
        var progress = new TerminalProgress(error, enabled: true);

        for (var done = 0; done <= 1000; done += 10) progress.Report(new EmbeddingProgress(done, 1000));
        progress.Step("importing article.md");

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        Assert.Equal("embedding 0/1000 texts with the sentence model", lines[0].TrimEnd());
        Assert.Equal("embedding 1000/1000 texts with the sentence model", lines[10].TrimEnd());
        Assert.Equal("importing article.md…", lines[11].TrimEnd());
    }

    [Fact]
    public void OnATerminal_AShortRun_ShowsNothing()
    {
        var error = new StringWriter();

        new TerminalProgress(error, enabled: true).Report(new EmbeddingProgress(3, 5));

        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Redirected_ShowsNothing()
    {
        var error = new StringWriter();
        var progress = new TerminalProgress(error, enabled: false);

        for (var done = 0; done <= 1000; done += 100) progress.Report(new EmbeddingProgress(done, 1000));
        progress.Step("importing article.md");

        Assert.Empty(error.ToString());
    }

    [Fact]
    public void AnyWriterButThisProcessesStandardError_IsNotATerminal()
    {
        Assert.False(TerminalProgress.For(new StringWriter()).Enabled);
    }
}
