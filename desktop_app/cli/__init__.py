"""The command line: `daredevil transcribe`, `daredevil models`, `daredevil gui`."""
