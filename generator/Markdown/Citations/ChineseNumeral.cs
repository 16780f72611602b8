using System.Text;

namespace PublicEdu.Generator.Markdown.Citations;

/// <summary>
/// Chinese numerals as used in statute numbering: 一 … 九千九百九十九, both the positional
/// form with units (一百零五, 十一, 二十) and the digit-by-digit form (一〇五), plus Arabic digits
/// (105) because authors write 消防法第60条 too.
/// </summary>
public static class ChineseNumeral
{
    private const string Digits = "零一二三四五六七八九";

    public const string Characters = "0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千";

    public static int? Parse(string text)
    {
        if (text.Length == 0) return null;
        if (text.All(c => c is >= '0' and <= '9' or >= '０' and <= '９'))
        {
            var normal = new string(text.Select(c => c >= '０' ? (char)(c - '０' + '0') : c).ToArray());
            return normal.Length <= 6 && normal[0] != '0' ? int.Parse(normal) : null;
        }

        if (text.IndexOfAny(['十', '百', '千']) < 0)
        {
            // Digit-by-digit: 一〇五 = 105. A leading zero is not a number anyone writes.
            var value = 0;
            foreach (var c in text)
            {
                var d = DigitValue(c);
                if (d is null) return null;
                value = value * 10 + d.Value;
            }
            return text.Length <= 4 && DigitValue(text[0]) != 0 ? value : null;
        }

        var total = 0;
        var pending = -1;          // digit waiting for its unit; -1 = none
        var lastUnit = 10000;      // units must strictly decrease: 千 > 百 > 十
        var zeroSeen = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit > 0)
            {
                if (unit >= lastUnit) return null;
                // A bare leading 十 means 一十 (十一 = 11); elsewhere a unit needs its digit.
                if (pending < 0 && !(unit == 10 && i == 0)) return null;
                if (pending == 0) return null;
                total += (pending < 0 ? 1 : pending) * unit;
                lastUnit = unit;
                pending = -1;
                zeroSeen = false;
                continue;
            }
            var d = DigitValue(c);
            if (d is null || pending >= 0 && !(pending == 0 && d > 0)) return null;
            if (d == 0)
            {
                if (zeroSeen || i == 0) return null;
                zeroSeen = true;
                pending = 0;
                continue;
            }
            if (c == '两' && i != 0 && lastUnit <= 10) return null;
            pending = d.Value;
            if (zeroSeen) lastUnit = Math.Min(lastUnit, 100); // 一百零五: the 5 after 零 is a unit digit
        }
        if (pending > 0)
        {
            // 一百五 is colloquial for 150; statutes never write it, so require 一百五十.
            if (lastUnit > 10 && !zeroSeen) return null;
            total += pending;
        }
        else if (pending == 0)
        {
            return null; // trailing 零
        }
        return total;
    }

    private static int? DigitValue(char c) => c switch
    {
        '〇' or '零' => 0,
        '两' => 2,
        _ when Digits.IndexOf(c) > 0 => Digits.IndexOf(c),
        _ => null,
    };

    /// <summary>The form statutes use: 十一 (not 一十一), 一百一十, 一百零五, 一千零一.</summary>
    public static string Format(int value)
    {
        if (value is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(value));
        var sb = new StringBuilder();
        int[] units = [1000, 100, 10, 1];
        string[] names = ["千", "百", "十", ""];
        var needZero = false;
        for (var i = 0; i < units.Length; i++)
        {
            var d = value / units[i] % 10;
            if (d == 0)
            {
                if (sb.Length > 0) needZero = true;
                continue;
            }
            if (needZero) sb.Append('零');
            needZero = false;
            if (!(d == 1 && units[i] == 10 && sb.Length == 0)) sb.Append(Digits[d]);
            sb.Append(names[i]);
        }
        return sb.ToString();
    }
}
