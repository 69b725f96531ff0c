using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace TuiProf.Tests.Hygiene;

/// <summary>
/// The methods a method's IL calls, creates or takes the address of (<c>call</c>, <c>newobj</c>, <c>ldftn</c>...), with
/// an async or iterator method's state machine read as part of it: what its body can run, short of reflection.
/// </summary>
public static class MethodReferences
{
    public static IEnumerable<MethodBase> Of(MethodBase method)
    {
        foreach (var body in Bodies(method))
            foreach (var token in MethodTokens(body.GetMethodBody()?.GetILAsByteArray() ?? []))
                if (Resolve(body, token) is { } called)
                    yield return called;
    }

    /// <summary>The method, and the <c>MoveNext</c> of its state machine if the compiler moved its body there.</summary>
    private static IEnumerable<MethodBase> Bodies(MethodBase method)
    {
        yield return method;
        if (method.GetCustomAttribute<StateMachineAttribute>() is { } machine &&
            machine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
            yield return moveNext;
    }

    private static MethodBase? Resolve(MethodBase body, int token)
    {
        try
        {
            var type = body.DeclaringType;
            return body.Module.ResolveMethod(token, type?.IsGenericType == true ? type.GetGenericArguments() : null,
                body.IsGenericMethod ? body.GetGenericArguments() : null);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or TypeLoadException or MissingMemberException or BadImageFormatException)
        {
            return null; // a reference this runtime cannot load: nothing here can call it either
        }
    }

    /// <summary>The operand tokens of the instructions whose operand is a method.</summary>
    private static IEnumerable<int> MethodTokens(byte[] il) =>
        IlOperands.Tokens(il).Where(i => i.Operand == OperandType.InlineMethod).Select(i => i.Token);
}
