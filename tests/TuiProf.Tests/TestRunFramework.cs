using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("TuiProf.Tests.TestRunFramework", "TuiProf.Tests")]

namespace TuiProf.Tests;

/// <summary>
/// xunit's own framework, plus the end of the test run, which xunit 2 offers no fixture for: what a run leaves
/// (<see cref="TestTemp"/>) is deleted just before the run says it is finished. Not later: the runner kills the test
/// host soon after that message, so ProcessExit handlers and the framework's own disposal may never complete.
/// </summary>
public sealed class TestRunFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assembly, sources, diagnostics)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions) =>
            base.RunTestCases(testCases, new EndOfRun(executionMessageSink), executionOptions);
    }

    private sealed class EndOfRun(IMessageSink next) : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestAssemblyFinished) TestTemp.DeleteRun();
            return next.OnMessage(message);
        }
    }
}
