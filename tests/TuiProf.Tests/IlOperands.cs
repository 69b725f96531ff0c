using System.Reflection;
using System.Reflection.Emit;

namespace TuiProf.Tests;

/// <summary>The instructions of a method body's IL with the metadata token each names, for the tests that read code.</summary>
public static class IlOperands
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(c => c.Value);

    /// <summary>Each instruction whose operand is a token (type, method, field or any member), with that token.</summary>
    public static IEnumerable<(OperandType Operand, int Token)> Tokens(byte[] il)
    {
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? Codes[unchecked((short)(0xFE00 | il[at + 1]))] : Codes[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
                yield return (code.OperandType, BitConverter.ToInt32(il, at));
            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
