using Uplink.Core.Plugins.Manifest;

namespace Uplink.Core.Tests.Plugins;

public sealed class ContractsRangeTests
{
    [Theory]
    [InlineData(">=1.0 <2.0", 1, 0, true)]
    [InlineData(">=1.0 <2.0", 1, 9, true)]
    [InlineData(">=1.0 <2.0", 2, 0, false)]
    [InlineData(">=1.2 <2.0", 1, 1, false)]
    [InlineData(">=2.0 <3.0", 1, 0, false)]
    [InlineData("=1.0", 1, 0, true)]
    [InlineData("1.0", 1, 1, false)]
    [InlineData(">1.0 <=1.5", 1, 5, true)]
    public void Includes_ChecksEveryTerm(string range, int major, int minor, bool expected) =>
        Assert.Equal(expected, ContractsRange.Parse(range).Includes(major, minor));

    [Theory]
    [InlineData("", "the range is empty")]
    [InlineData(">=one <2.0", "term '>=one'")]
    [InlineData(">=1.0 ~2", "term '~2'")]
    public void Parse_RejectsWhatIsNotARange_NamingTheTerm(string range, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ContractsRange.Parse(range));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
