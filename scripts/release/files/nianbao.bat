@echo off
rem nianbao launcher for Windows. This file is ASCII on purpose: cmd.exe reads
rem a .bat file in the system code page before chcp can change it.
rem
rem First run: remember console settings for windows titled "nianbao"
rem (a font that has Chinese characters, UTF-8, 100x30), then open such a
rem window and run the workstation in it. Arguments are passed on, e.g.
rem   (this launcher) --db E:\nianbao.db
setlocal
if "%~1"=="--inner" goto inner
reg add "HKCU\Console\nianbao" /v FaceName /t REG_SZ /d "NSimSun" /f >nul 2>&1
reg add "HKCU\Console\nianbao" /v FontFamily /t REG_DWORD /d 0x36 /f >nul 2>&1
reg add "HKCU\Console\nianbao" /v FontSize /t REG_DWORD /d 0x100000 /f >nul 2>&1
reg add "HKCU\Console\nianbao" /v CodePage /t REG_DWORD /d 65001 /f >nul 2>&1
reg add "HKCU\Console\nianbao" /v ScreenBufferSize /t REG_DWORD /d 0x0bb80064 /f >nul 2>&1
reg add "HKCU\Console\nianbao" /v WindowSize /t REG_DWORD /d 0x001e0064 /f >nul 2>&1
start "nianbao" "%ComSpec%" /c ""%~f0" --inner %*"
goto :eof
:inner
rem shift /1 keeps %0, the launcher itself, for %~dp0.
shift /1
chcp 65001 >nul
mode con: cols=100 lines=30 >nul 2>&1
cd /d "%~dp0"
"%~dp0nianbao.exe" %1 %2 %3 %4 %5 %6 %7 %8 %9
if errorlevel 1 pause
endlocal
