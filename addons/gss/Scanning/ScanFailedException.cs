namespace Addons.Gss.Scanning;

/// <summary>The scan could not start or list the organization (exit 1); the message says why and what to check.</summary>
internal sealed class ScanFailedException(string message, Exception? inner = null) : Exception(message, inner);
