using System.Security.Cryptography;
using System.Text;

namespace LmcBot.Core.Embedding;

/// <summary>
/// How long a text that is embedded may be, and the content hash its vector is stored under. Identical texts share one
/// hash and so one vector; changing how a text is rendered (<c>Knowledge.KnowledgeText</c> for facts) changes its
/// hash, which makes the stored and committed vectors miss and the text be embedded again.
/// </summary>
public static class DenseText
{
    /// <summary>
    /// all-MiniLM-L6-v2 reads at most 256 word pieces. English runs about 1.3 pieces per word and 5-6 characters per
    /// word, so 800 characters stays under the window with room to spare.
    /// </summary>
    public const int MaxCharacters = 800;

    /// <summary>A document sentence is embedded as it reads, trimmed and cut to <see cref="MaxCharacters"/>.</summary>
    public static string ForSentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length <= MaxCharacters ? trimmed : trimmed[..MaxCharacters];
    }

    /// <summary>SHA-256 of <c>modelId + "\n" + text</c> (UTF-8), lowercase hex: the key of a vector in store and file.</summary>
    public static string Hash(string modelId, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));
}
