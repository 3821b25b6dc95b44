using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LmcBot.Discord.Rendering;

/// <summary>
/// Encodes a follow-up's input into a button custom_id (at most 100 characters). Short inputs travel inside the id
/// (<c>q:</c> + input); longer ones become <c>h:</c> + a stable hash, remembered in a bounded in-memory map so a click
/// can be turned back into the input. A click on an id this process no longer remembers decodes to null.
/// </summary>
public sealed class FollowUpIdCodec
{
    private const string InlinePrefix = "q:";
    private const string HashPrefix = "h:";
    private readonly ConcurrentDictionary<string, string> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly int _capacity;

    public FollowUpIdCodec(int capacity = 10_000) => _capacity = capacity;

    public string Encode(string input)
    {
        if (InlinePrefix.Length + input.Length <= DiscordLimits.CustomId)
            return InlinePrefix + input;

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(input)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var id = HashPrefix + hash;
        if (_byHash.TryAdd(id, input))
        {
            _order.Enqueue(id);
            while (_byHash.Count > _capacity && _order.TryDequeue(out var oldest))
                _byHash.TryRemove(oldest, out _);
        }
        return id;
    }

    /// <summary>The input a custom_id stands for, or null when it is not one of ours or has been forgotten.</summary>
    public string? Decode(string? customId)
    {
        if (customId is null)
            return null;
        if (customId.StartsWith(InlinePrefix, StringComparison.Ordinal))
            return customId.Length > InlinePrefix.Length ? customId[InlinePrefix.Length..] : null;
        if (customId.StartsWith(HashPrefix, StringComparison.Ordinal))
            return _byHash.TryGetValue(customId, out var input) ? input : null;
        return null;
    }
}
