using TuiProf.Core.Targets;

namespace TuiProf.Tests.Sources;

public class ProcFileTests
{
    [Fact]
    public void A_status_field_is_read_only_at_the_start_of_a_line()
    {
        var status = "Name:\tTgid: fake\nUmask:\t0022\nTgid:\t4242\nPPid:\t1\n"u8;
        Assert.Equal(4242, ProcFile.Field(status, "Tgid:"u8));
        Assert.Equal(1, ProcFile.Field(status, "PPid:"u8));
        Assert.Null(ProcFile.Field(status, "Uid:"u8));
    }

    [Fact]
    public void The_later_numbers_of_a_status_field_are_read_by_position()
    {
        var status = "Uid:\t1000\t0\t0\t0\nGid:\t5\n"u8;
        Assert.Equal(1000, ProcFile.Field(status, "Uid:"u8, 0));
        Assert.Equal(0, ProcFile.Field(status, "Uid:"u8, 1));
        Assert.Null(ProcFile.Field(status, "Uid:"u8, 4)); // not the Gid line's number
    }

    [Fact]
    public void The_numbers_of_a_statm_line_are_read_by_position()
    {
        var statm = "1203 845 310 1 0 640 0\n"u8;
        Assert.Equal(1203, ProcFile.Number(statm, 0));
        Assert.Equal(845, ProcFile.Number(statm, 1));
        Assert.Null(ProcFile.Number(statm, 7));
    }

    [Fact]
    public void A_missing_file_reads_as_empty() =>
        Assert.True(ProcFile.Read("/proc/0/statm", stackalloc byte[64]).IsEmpty);

    [Fact]
    public void This_process_is_alive_and_has_a_parent()
    {
        Assert.True(ProcessInfo.IsAlive(Environment.ProcessId));
        Assert.NotNull(ProcessInfo.ParentOf(Environment.ProcessId));
        Assert.False(ProcessInfo.IsAlive(int.MaxValue));
    }
}
