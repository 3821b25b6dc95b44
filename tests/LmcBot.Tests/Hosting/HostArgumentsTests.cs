using LmcBot.Hosting;

namespace LmcBot.Tests.Hosting;

public sealed class HostArgumentsTests
{
    [Fact]
    public void HostArguments_CliPathOptions_BecomeKnowledgeSettings_WithFullPaths()
    {
        var args = BotWebHost.HostArguments(["--urls", "http://127.0.0.1:0", "--db", "x/lmcbot.db", "--verbose", "--knowledge", "/k"]);

        Assert.Equal(["--urls", "http://127.0.0.1:0", $"--Knowledge:DatabasePath={Path.GetFullPath("x/lmcbot.db")}", "--Knowledge:Folder=/k"], args);
    }
}
