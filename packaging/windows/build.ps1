# Build BP Studio's Windows installer: PyInstaller folder + Inno Setup.
# UNTESTED ON WINDOWS (see packaging/README.md). Run from any folder in PowerShell 5+ with
# Python 3.11+ (python.org or the hosted CI's) on PATH and Inno Setup 6 installed:
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: packaging\dist\bpstudio\ (the folder) and packaging\dist\bpstudio-<version>-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path (Join-Path $PSScriptRoot "..\.."))

# Run a program and stop on failure. A plain function (no param block) so that arguments such
# as "-m" reach the program instead of being taken as PowerShell parameters.
function Invoke-Checked {
    $program, $rest = $args
    & $program @rest
    if ($LASTEXITCODE -ne 0) { throw "$program $($rest -join ' ') failed with exit code $LASTEXITCODE" }
}

$version = (Select-String -Path bpstudio\__init__.py -Pattern '^__version__ = "([^"]+)"').Matches[0].Groups[1].Value
if (-not $version) { throw "bpstudio\__init__.py has no __version__ line" }

# 1. An isolated build venv: the app as `pip install .` gives it, plus PyInstaller.
$venv = "packaging\build\venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) { Invoke-Checked python -m venv $venv }
$py = "$venv\Scripts\python.exe"
Invoke-Checked $py -m pip install --quiet --upgrade pip
Invoke-Checked $py -m pip install --quiet . "pyinstaller>=6.10,<7"
Invoke-Checked $py -m pip install --quiet --no-deps --force-reinstall .

# 2. Compiled translations (.qm) and the icons (bpstudio.ico for the .exe and the installer).
Get-ChildItem resources\translations\*.ts -ErrorAction SilentlyContinue | ForEach-Object {
    Invoke-Checked "$venv\Scripts\pyside6-lrelease.exe" -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
}
Invoke-Checked $py packaging\render_icons.py resources\icons\bpstudio.svg packaging\build\icons

# 3. The one-folder bundle: packaging\dist\bpstudio\bpstudio.exe, bpstudio-cli.exe, _internal\.
$env:BPSTUDIO_ICON_DIR = "packaging\build\icons"
Invoke-Checked "$venv\Scripts\pyinstaller.exe" --noconfirm --distpath packaging\dist --workpath packaging\build\pyinstaller packaging\bpstudio.spec

# 4. Smoke test of the frozen program before packing it.
$env:QT_QPA_PLATFORM = "offscreen"
$explain = & packaging\dist\bpstudio\bpstudio-cli.exe explain
if ($LASTEXITCODE -ne 0 -or -not ($explain -match "0\.725409")) { throw "the frozen bpstudio-cli explain did not print the article's figures" }
Invoke-Checked packaging\dist\bpstudio\bpstudio-cli.exe --phases 3 --screenshot packaging\build\smoke.png
if ((Get-Item packaging\build\smoke.png).Length -lt 20000) { throw "the frozen program's screenshot is nearly empty" }
Remove-Item Env:QT_QPA_PLATFORM

# 5. The installer.
$iscc = Get-Command ISCC.exe -ErrorAction SilentlyContinue
$isccPath = if ($iscc) { $iscc.Source } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $isccPath)) { throw "Inno Setup 6 (ISCC.exe) not found: install it (choco install innosetup)" }
Invoke-Checked $isccPath /Qp "/DAppVersion=$version" packaging\windows\bpstudio.iss
Write-Host "built packaging\dist\bpstudio-$version-setup.exe"
