using System.Security.Cryptography;
using System.Text;

namespace LmcBot.Admin;

/// <summary>
/// The admin endpoint's shared secret: 256 random bits in <c>&lt;db&gt;.admin-token</c>, created fresh by each host
/// with mode 600 (only the host's user can read it), compared in constant time.
/// </summary>
public sealed class AdminToken
{
    /// <summary>256 bits, the strength of the HMAC-SHA256 keys ASP.NET Core itself generates.</summary>
    private const int TokenBytes = 32;

    private readonly byte[] _hash;

    private AdminToken(string value)
    {
        Value = value;
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    public string Value { get; }

    public static string PathFor(string databasePath) => databasePath + ".admin-token";

    /// <summary>Generates a token and writes it to a new file readable by this user only.</summary>
    public static AdminToken Create(string path)
    {
        var token = new AdminToken(Convert.ToHexString(RandomNumberGenerator.GetBytes(TokenBytes)).ToLowerInvariant());
        // A new file every time: an existing one could carry someone else's ownership or a wider mode.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            writer.Write(token.Value);
        return token;
    }

    /// <summary>A token read back (tests build the endpoint around the host's).</summary>
    internal static AdminToken FromValue(string value) => new(value);

    /// <summary>Whether <paramref name="presented"/> is this token, in time independent of where they differ (and of its length).</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
