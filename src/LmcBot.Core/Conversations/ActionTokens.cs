using System.Security.Cryptography;
using System.Text;
using LmcBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace LmcBot.Core.Conversations;

/// <summary>Something a button stands for, remembered until it expires.</summary>
public abstract record PendingAction
{
    public required DateTimeOffset Expires { get; init; }
}

/// <summary>A "did you mean" choice: the question it answers when clicked, and the label it showed.</summary>
public sealed record PendingChoice(string Question, string Label) : PendingAction;

/// <summary>The answer a feedback button votes on.</summary>
public sealed record PendingFeedback(string Question, string AnswerText, IReadOnlyList<string> FactIds, IReadOnlyList<string> DocumentIds,
    Intent Intent) : PendingAction
{
    /// <summary>What the answer rested on when it was given (fact versions, document content hashes), so a later edit shows.</summary>
    public Knowledge.AnswerBasis Basis { get; init; } = Knowledge.AnswerBasis.None;
}

/// <summary>How a token checked out.</summary>
public enum TokenCheck
{
    /// <summary>Ours, and what it stands for is still remembered.</summary>
    Valid,

    /// <summary>Not made by this process (a forged, altered or mistyped token, or one from before a restart).</summary>
    Forged,

    /// <summary>Ours, but past its time or forgotten to make room.</summary>
    Expired,
}

/// <summary>
/// The short opaque tokens that choice and feedback buttons carry (Discord custom ids, Teams card data, chat).
/// A token is a random id and an HMAC-SHA256 tag of it under a key made when the process starts, so a token is
/// checked before anything is looked up and no one can make a valid one; what it stands for stays in memory, bounded.
/// A restart forgets every token: its buttons then say the choice has expired.
/// </summary>
public sealed class ActionTokens
{
    /// <summary>Random bytes of a token's id: 72 bits, far beyond guessing.</summary>
    private const int IdBytes = 9;

    /// <summary>Bytes of the HMAC tag kept in a token: 72 bits.</summary>
    private const int TagBytes = 9;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly BoundedLru<string, PendingAction> _pending;
    private readonly TimeProvider _time;

    public ActionTokens(IOptions<ConversationOptions> options, TimeProvider time)
    {
        _pending = new BoundedLru<string, PendingAction>(options.Value.MaxPendingActions);
        _time = time;
    }

    /// <summary>Longest token: the id, a dot and the tag, base64url.</summary>
    public const int MaxLength = 12 + 1 + 12;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A new token for <paramref name="action"/>.</summary>
    public string Issue(PendingAction action)
    {
        var id = Base64Url(RandomNumberGenerator.GetBytes(IdBytes));
        _pending.Set(id, action);
        return id + "." + Tag(id);
    }

    /// <summary>Checks a token and returns what it stands for when it is <see cref="TokenCheck.Valid"/>.</summary>
    public TokenCheck Check(string? token, out PendingAction? action)
    {
        action = null;
        if (token is null || token.Length != MaxLength || token[12] != '.') return TokenCheck.Forged;
        var id = token[..12];
        var expected = Encoding.ASCII.GetBytes(Tag(id));
        var given = Encoding.UTF8.GetBytes(token[13..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return TokenCheck.Forged;
        if (!_pending.TryGet(id, out var found) || found.Expires <= Now)
        {
            _pending.Remove(id);
            return TokenCheck.Expired;
        }
        action = found;
        return TokenCheck.Valid;
    }

    private string Tag(string id) => Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(id)).AsSpan(0, TagBytes));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
