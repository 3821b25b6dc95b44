using System.Diagnostics;

namespace LmcBot.Discord.Load.Peers;

/// <summary>
/// One of the Node peers in tests/peers, started as a child process on a free loopback port; the
/// process is ended (by its own id) when disposed. Needs <c>npm ci</c> in tests/peers first.
/// </summary>
internal sealed class NodePeer : IDisposable
{
    private readonly Process _process;

    private NodePeer(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>Processor time the peer has used so far (user + kernel).</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<NodePeer> StartAsync(string name, string repositoryRoot, string script, params string[] arguments)
    {
        var folder = Path.Combine(repositoryRoot, "tests", "peers");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            throw new InvalidOperationException($"Run `npm ci` in {folder} first (see its README.md).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // Node's own options for profiling a peer, e.g. LMCBOT_PEER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof".
        foreach (var option in (Environment.GetEnvironmentVariable("LMCBOT_PEER_NODE_OPTIONS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            start.ArgumentList.Add(option);
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine($"[{name}] {e.Data}");
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"{name} did not start: {line}");
        }
        return new NodePeer(name, process, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        // Closing stdin asks the peer to exit; only a peer that does not is killed.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
