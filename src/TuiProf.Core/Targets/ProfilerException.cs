namespace TuiProf.Core.Targets;

/// <summary>A failure the user can act on; its message is one line, shown as is, without a stack trace.</summary>
public sealed class ProfilerException(string message, Exception? inner = null) : Exception(message, inner);
