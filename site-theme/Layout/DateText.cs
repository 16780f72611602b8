namespace PublicEdu.Theme.Layout;

public static class DateText
{
    public static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
