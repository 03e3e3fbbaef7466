//go:build linux

package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// teaFloorMain is the terminal floor: a bare Bubble Tea program with no
// database that answers the clerk's keys with the frames the harness waits
// for (start screen with the year Enter opens, outline, request log, table,
// overview).
// What it costs is what the Go runtime, the terminal set-up and one frame
// per key cost on their own.
func teaFloorMain(organ string, year int) int {
	p := tea.NewProgram(&teaFloor{organ: organ, year: year})
	if _, err := p.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

type teaFloor struct {
	organ      string
	year       int
	step, keys int
	w, h       int
}

func (m *teaFloor) Init() tea.Cmd { return nil }

func (m *teaFloor) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		m.keys++
		switch msg.String() {
		case "enter", "r", "t", "v":
			m.step++
		case "ctrl+c":
			return m, tea.Quit
		}
	}
	return m, nil
}

// View draws a frame whose every line changes with each key, so each key
// writes text, as a moved highlight does in the workstation.
func (m *teaFloor) View() tea.View {
	n := m.keys
	var lines []string
	switch m.step {
	case 0:
		lines = []string{fmt.Sprintf("年报 › 选择单位和年度 %d", n), fmt.Sprintf("%s %d", m.organ, n), fmt.Sprintf("▸%d年 %d", m.year, n)}
	case 1:
		lines = []string{fmt.Sprintf("%s %d年 %d", m.organ, m.year, n), fmt.Sprintf("依申请台账 %d", n), fmt.Sprintf("错误 0 · 提示 0 %d", n)}
	case 2:
		lines = []string{fmt.Sprintf("依申请公开台账 · 共 1 件 %d", n), fmt.Sprintf("%02d-0001 %d", m.year%100, n), fmt.Sprintf("? 全部按键 %d", n)}
	case 3:
		lines = []string{fmt.Sprintf("表三 %d", n)}
	default:
		lines = []string{fmt.Sprintf("概况 %d", n), fmt.Sprintf("? 全部按键 %d", n)}
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	return v
}
