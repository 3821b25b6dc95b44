using System.Globalization;

namespace LmcBot.Core.Knowledge;

/// <summary>A fact's date field (YYYY, YYYY-MM or YYYY-MM-DD) as answers and generated statements write it.</summary>
public static class FactDate
{
    /// <summary>"2019-06-07" reads "7 June 2019", "2019-06" reads "June 2019"; anything else is returned as it is.</summary>
    public static string Readable(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && value.Length == 7)
            return month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return value;
    }
}
