using System.Diagnostics;
using System.Text;

namespace Addons.Sandbox.Tests;

/// <summary>Collects a child process's stdout and stderr and lets a test await a line.</summary>
internal sealed class OutputLog
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closedStreams;

    public OutputLog(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public async Task WaitForLineAsync(Func<string, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_text.ToString().Split('\n').Any(predicate))
                {
                    return;
                }
                if (_closedStreams == 2)
                {
                    // The process closed stdout and stderr: the line will never come, say so now rather than at the bound.
                    throw new InvalidOperationException($"expected line not seen before the process closed its output:\n{_text}");
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"expected line not seen; output so far:\n{Text}");
            }
        }
    }

    private void Append(string? line)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            if (line is null)
            {
                _closedStreams++;
            }
            else
            {
                _text.AppendLine(line);
            }
            previous = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }
}
