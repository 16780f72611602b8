using System.Globalization;
using System.Text;
using QRCoder;

namespace PublicEdu.Generator.Posters;

/// <summary>
/// A QR code as inline SVG: one path of unit squares on a viewBox the size of the module grid,
/// quiet zone included. Printed at any size it stays sharp, it needs no image file, and the same
/// text always gives the same bytes.
/// </summary>
public static class QrCodeSvg
{
    /// <summary>Error correction M: a printed poster gets creased and scuffed, and M keeps the code small.</summary>
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
            if (matrix[y][x]) path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
