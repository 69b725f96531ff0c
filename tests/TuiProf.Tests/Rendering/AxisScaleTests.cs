using TuiProf.Core.Rendering;

namespace TuiProf.Tests.Rendering;

public class AxisScaleTests
{
    [Theory]
    [InlineData(0.3, 1)]
    [InlineData(1.6, 1.75)]
    [InlineData(72.5, 80)]
    [InlineData(114, 125)]
    [InlineData(204, 250)]
    [InlineData(450, 500)]
    public void A_memory_ceiling_is_the_next_round_number_at_most_a_quarter_above_the_peak(double value, double ceiling)
    {
        Assert.Equal(ceiling, AxisScale.NiceCeiling(value));
        Assert.InRange(ceiling, value, Math.Max(1, value * 1.25));
    }

    [Theory]
    [InlineData(10, 80, 1)]
    [InlineData(2, 100, 0.2)]
    [InlineData(3600, 100, 300)]
    public void A_time_step_leaves_room_for_its_labels(double span, int columns, double step) =>
        Assert.Equal(step, AxisScale.TimeStep(span, columns, minColumns: 8));

    [Theory]
    [InlineData(86_400, 200, 3600, 23 * 3600, "23h")]
    [InlineData(86_400, 80, 10_800, 9 * 3600, "9h")]
    [InlineData(3600, 100, 300, 300, "5m")]
    public void A_day_is_labelled_in_hours_an_hour_in_minutes(double span, int columns, double step, double t, string label)
    {
        Assert.Equal(step, AxisScale.TimeStep(span, columns, minColumns: 8));
        Assert.Equal(label, AxisScale.Seconds(t, step));
    }

    [Fact]
    public void Time_labels_never_read_minus_zero() => Assert.Equal("0.0s", AxisScale.Seconds(-0.0, 0.2));
}
