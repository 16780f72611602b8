using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Tests.Laws;

public class ChineseNumeralTests
{
    [Fact]
    public void Every_number_from_1_to_999_round_trips_through_its_Chinese_form()
    {
        for (var n = 1; n <= 999; n++)
        {
            var text = ChineseNumeral.Format(n);
            Assert.Equal(n, ChineseNumeral.Parse(text));
            Assert.Equal(n, ChineseNumeral.Parse(n.ToString()));
        }
    }

    [Fact]
    public void Every_number_from_1_to_999_parses_in_digit_by_digit_form()
    {
        const string digits = "〇一二三四五六七八九";
        for (var n = 1; n <= 999; n++)
        {
            var text = string.Concat(n.ToString().Select(c => digits[c - '0']));
            Assert.Equal(n, ChineseNumeral.Parse(text));
        }
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(60, "六十")]
    [InlineData(100, "一百")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    [InlineData(119, "一百一十九")]
    [InlineData(999, "九百九十九")]
    [InlineData(1001, "一千零一")]
    [InlineData(1010, "一千零一十")]
    public void Formats_the_way_statutes_write_numbers(int value, string expected) =>
        Assert.Equal(expected, ChineseNumeral.Format(value));

    [Theory]
    [InlineData("一十一", 11)]
    [InlineData("两百", 200)]
    [InlineData("一百零五", 105)]
    [InlineData("一〇五", 105)]
    [InlineData("６０", 60)]
    public void Accepts_other_correct_spellings(string text, int expected) =>
        Assert.Equal(expected, ChineseNumeral.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("零")]
    [InlineData("〇")]
    [InlineData("0")]
    [InlineData("十十")]
    [InlineData("百")]
    [InlineData("一百五")]
    [InlineData("一百十")]
    [InlineData("五十零")]
    [InlineData("一零零零零")]
    public void Rejects_malformed_numerals(string text) => Assert.Null(ChineseNumeral.Parse(text));
}
