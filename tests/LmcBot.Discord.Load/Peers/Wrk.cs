using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LmcBot.Discord.Load.Peers;

/// <summary>One prepared POST: a body and its extra headers, sent in rotation by wrk.</summary>
internal sealed record WrkRequest(string Body, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>What wrk measured against one target in one phase.</summary>
internal sealed record WrkResult(
    string Target, int Connections, long Requests, double Seconds, long Errors, long SocketErrors,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, double ServerCpuMicrosecondsPerRequest,
    double AllocatedBytesPerRequest, string Collections)
{
    public double RequestsPerSecond => Requests / Seconds;

    public string Row(int round) => string.Create(CultureInfo.InvariantCulture,
        $"| {round} | {Target} | {Connections} | {Requests} | {RequestsPerSecond:F0} | {P50Ms:F2} | {P90Ms:F2} | {P99Ms:F2} | {MaxMs:F2} | {Errors + SocketErrors} | {ServerCpuMicrosecondsPerRequest:F0} | {(double.IsNaN(AllocatedBytesPerRequest) ? "–" : AllocatedBytesPerRequest.ToString("F0", CultureInfo.InvariantCulture))} | {Collections} |");
}

/// <summary>
/// wrk (Debian's package) as a separate, neutral load generator on loopback: one thread, a closed
/// loop on <c>connections</c> keep-alive connections, the prepared requests in rotation. A response
/// counts as an error when its status is not 200 or the bad-body marker (a plain substring)
/// occurs in it; wrk's own socket errors (connect, read, write, timeout) are counted apart.
/// </summary>
internal static class Wrk
{
    public static async Task<WrkResult> RunAsync(
        string target, Uri url, IReadOnlyList<WrkRequest> requests, int connections, TimeSpan duration,
        string[] badBodies, Func<TimeSpan> serverCpu, Func<long>? delivered, Func<long>? allocated, string scratch)
    {
        var script = Path.Combine(scratch, $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(url.Authority, url.AbsolutePath, requests, badBodies));
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            // One thread: wrk stays within one core and leaves the rest to the server under test.
            "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s",
            // A reply later than this counts as an error (timeout), not a latency.
            "--timeout", "5s", "-s", script, url.ToString(),
        })
            start.ArgumentList.Add(argument);
        var cpuFrom = serverCpu();
        var deliveredFrom = delivered?.Invoke() ?? 0;
        var allocatedFrom = allocated?.Invoke() ?? 0;
        int[] collectionsFrom = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cpu = serverCpu() - cpuFrom;
        var allocatedBytes = allocated is null ? double.NaN : allocated() - allocatedFrom;
        var collections = allocated is null ? "–" : string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsFrom[g]));
        // wrk stops with replies in flight: those were counted by neither side, so only a shortfall counts.
        var replies = delivered is null ? long.MaxValue : delivered() - deliveredFrom;
        if (Environment.GetEnvironmentVariable("LMCBOT_KEEP_WRK_SCRIPT") is { } keep)
            File.Copy(script, keep, overwrite: true);
        File.Delete(script);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no summary: {output} {errors}");
        using var summary = JsonDocument.Parse(line[4..]);
        var root = summary.RootElement;
        double Ms(string name) => root.GetProperty(name).GetDouble() / 1000;
        var requestsDone = root.GetProperty("requests").GetInt64();
        return new WrkResult(target, connections, requestsDone, root.GetProperty("duration_us").GetDouble() / 1e6,
            root.GetProperty("bad").GetInt64() + root.GetProperty("status").GetInt64() + Math.Max(0, requestsDone - replies),
            root.GetProperty("connect").GetInt64() + root.GetProperty("read").GetInt64() + root.GetProperty("write").GetInt64() + root.GetProperty("timeout").GetInt64(),
            Ms("p50_us"), Ms("p90_us"), Ms("p99_us"), Ms("max_us"),
            requestsDone == 0 ? double.NaN : cpu.TotalMicroseconds / requestsDone,
            requestsDone == 0 ? double.NaN : allocatedBytes / requestsDone, collections);
    }

    private static string Script(string host, string path, IReadOnlyList<WrkRequest> requests, string[] badBodies)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local reqs = {}");
        // wrk.format sends only the headers it is given (and Content-Length), so Host is among them.
        foreach (var request in requests)
        {
            lua.Append("reqs[#reqs + 1] = wrk.format(\"POST\", ").Append(Quote(path)).Append(", {[\"Host\"] = ").Append(Quote(host))
                .Append(", [\"Content-Type\"] = \"application/json\"");
            foreach (var (name, value) in request.Headers)
                lua.Append(", [").Append(Quote(name)).Append("] = ").Append(Quote(value));
            lua.Append("}, ").Append(Quote(request.Body)).AppendLine(")");
        }
        lua.Append("local bad_bodies = {");
        foreach (var bad in badBodies)
            lua.Append(Quote(bad)).Append(", ");
        lua.AppendLine("}");
        lua.AppendLine("""
            local n = 0
            bad = 0
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            function request()
              n = n + 1
              return reqs[(n % #reqs) + 1]
            end
            function response(status, headers, body)
              if status ~= 200 then return end -- counted by wrk as a status error
              for _, b in ipairs(bad_bodies) do
                if body and string.find(body, b, 1, true) then bad = bad + 1 return end
              end
            end
            function done(summary, latency, requests)
              local total_bad = 0
              for _, t in ipairs(threads) do total_bad = total_bad + t:get("bad") end
              local e = summary.errors
              io.write(string.format('WRK {"requests":%d,"duration_us":%d,"bad":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
                summary.requests, summary.duration, total_bad, e.status, e.connect, e.read, e.write, e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
            end
            """);
        return lua.ToString();
    }

    /// <summary>A Lua string literal: every byte that is not plain printable ASCII is escaped as \ddd.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= 0x20 and < 0x7f && b != (byte)'"' && b != (byte)'\\')
                text.Append((char)b);
            else
                text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
        }
        return text.Append('"').ToString();
    }
}
