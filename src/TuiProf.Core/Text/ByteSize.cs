using System.Globalization;

namespace TuiProf.Core.Text;

/// <summary>Bytes with the unit that keeps three significant digits or so, in powers of 1000: <c>2.0 MB</c>, <c>1.50 GB</c>.</summary>
public static class ByteSize
{
    public static string Text(long bytes) => Math.Abs(bytes) switch
    {
        >= 1_000_000_000 => (bytes / 1e9).ToString("0.00' GB'", CultureInfo.InvariantCulture),
        >= 1_000_000 => (bytes / 1e6).ToString("0.0' MB'", CultureInfo.InvariantCulture),
        >= 1_000 => (bytes / 1e3).ToString("0.0' KB'", CultureInfo.InvariantCulture),
        _ => bytes.ToString("0' B'", CultureInfo.InvariantCulture),
    };
}
