using System.Diagnostics;
using LmcBot.Testing;

namespace LmcBot.Tests.Cli;

/// <summary>Runs the built <c>LmcBot.dll</c> as its own process, as an operator's shell would, and waits for it.</summary>
public static class CliProcess
{
    public sealed record Result(int Exit, string Output, string Error);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (settings such as <c>Knowledge__AnswerCacheSize</c>).</summary>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LmcBot.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["LMCBOT_CONTENT_ROOT"] = RepoPaths.Root;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
