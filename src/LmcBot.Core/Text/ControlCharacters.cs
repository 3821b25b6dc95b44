using System.Globalization;
using System.Text;

namespace LmcBot.Core.Text;

/// <summary>
/// Control characters in admin input and console output: BEL, ESC and the rest can ring, recolour or rewrite an
/// operator's terminal, so admin values refuse them and console text shows any already stored as <c>\u001B</c>.
/// </summary>
public static class ControlCharacters
{
    private static readonly string[] C0Names =
    [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ];

    /// <summary>A control character other than the line breaks and tab that ordinary text holds.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    /// <summary>The index of the first unsafe control character in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsUnsafe(text[i])) return i;
        return -1;
    }

    /// <summary>"U+001B (ESC)".</summary>
    public static string Describe(char c)
    {
        var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return c < C0Names.Length ? $"{code} ({C0Names[c]})" : c == '\u007F' ? $"{code} (DEL)" : code;
    }

    /// <summary>The text with every control character except line feed and tab written as <c>\u001B</c>, safe to print to a terminal.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsEscaped)) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            if (IsEscaped(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Carriage return is escaped too on output: alone it moves the cursor back over what was printed.</summary>
    private static bool IsEscaped(char c) => char.IsControl(c) && c is not ('\n' or '\t');
}
