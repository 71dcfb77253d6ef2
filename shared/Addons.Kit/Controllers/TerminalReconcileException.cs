namespace Addons.Kit.Controllers;

/// <summary>
/// A reconcile failure that retrying cannot fix (an invalid spec, say). The controller logs it and
/// counts it in <c>controller_runtime_terminal_reconcile_errors_total</c>, and does not retry: the
/// key is reconciled again only when the object changes.
/// </summary>
public sealed class TerminalReconcileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TerminalReconcileException()
    {
    }

    /// <summary>Creates the exception with a message (it is logged: keep secrets out).</summary>
    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
