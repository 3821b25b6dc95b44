using System.Globalization;
using System.Text;

namespace LmcBot.Core.Admin;

/// <summary>
/// The checks a document must pass before <c>kb import</c> reads it, on every surface: at most 1 MB, UTF-8 text
/// (no NUL bytes, no binary control characters, no undecodable bytes), and not empty.
/// </summary>
public static class DocumentText
{
    /// <summary>Largest document accepted, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes an uploaded or local file; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryDecode(string fileName, byte[] bytes, out string text, out string error)
    {
        text = "";
        if (bytes.Length > MaxBytes)
        {
            error = TooLarge(fileName, bytes.Length);
            return false;
        }
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            error = $"{fileName} contains NUL bytes: it looks like a binary file, not text. Import a .md or .txt file saved as UTF-8.";
            return false;
        }
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            error = $"{fileName} is not valid UTF-8 text (bad byte at offset {ex.Index.ToString(CultureInfo.InvariantCulture)}). Save it as UTF-8 and import it again.";
            return false;
        }
        var problem = Problem(fileName, text);
        error = problem ?? "";
        return problem is null;
    }

    /// <summary>What is wrong with already-decoded document text, or null when it can be imported.</summary>
    public static string? Problem(string fileName, string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxBytes) return TooLarge(fileName, bytes);
        if (text.Contains('\0'))
            return $"{fileName} contains NUL characters: it looks like a binary file, not text. Import a .md or .txt file saved as UTF-8.";
        if (text.Contains('\uFFFD'))
            return $"{fileName} is not valid UTF-8 text (it holds undecodable bytes). Save it as UTF-8 and import it again.";
        var controls = text.Count(c => Text.ControlCharacters.IsUnsafe(c) && c != '\f');
        if (controls > 0)
            return $"{fileName} contains {controls.ToString(CultureInfo.InvariantCulture)} control character(s): it looks like a binary file, not text. Import a .md or .txt file.";
        if (string.IsNullOrWhiteSpace(text))
            return $"{fileName} is empty: there is no text to import.";
        return null;
    }

    private static string TooLarge(string fileName, long bytes) =>
        $"{fileName} is {(bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture)} KB; the limit is 1 MB ({MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes). Split it into smaller documents.";
}
