# teacher.ftl: texts of the teacher screens (en).

## Title screen
title-teacher = Teacher
title-teacher-help = Teacher's tools: level packs, class progress, exams, level editor.

## Installing a pack (anywhere in the game)
# $path: the file or folder being installed.
pack-installing = Installing the pack { $path }…
pack-drop-here = Drop the file to install the pack
pack-no-dialog = No file window can open on this computer. Drag and drop the pack's .zip file (or folder) onto the game window, or start the game with: codebot --pack path/to/pack.zip
pack-installed-title = Pack installed
pack-replaced-title = Pack replaced
# $title: the pack's title; $id: its id; $levels, $chapters: numbers.
pack-installed-text =
    "{ $title }" ({ $id }): { $levels ->
        [one] 1 level
       *[other] { $levels } levels
    } in { $chapters ->
        [one] 1 chapter
       *[other] { $chapters } chapters
    }. It is on the chapter map, next to Codebot's pack.
pack-installed-exam = This is an exam: on the map, students start it when you say so; no hints, no solutions, and their copy is saved as they go.
pack-see-map = See the map
pack-already-title = This pack is already installed
# $id: the pack's id.
pack-already-text = A pack with id "{ $id }" is already installed. Replace it with this one? Students' progress is kept.
pack-replace = Replace
pack-refused-title = Pack refused
# $path: the file or folder given.
pack-refused-text = { $path } was not installed.
# $id: the refused id.
pack-refused-builtin = "{ $id }" is the id of a pack built into Codebot: give your pack another id in pack.ron.
# $count: number of problems.
pack-refused-problems =
    { $count ->
        [one] One problem (file:line:col: message):
       *[other] { $count } problems (file:line:col: message):
    }
pack-copy-problems = Copy the list
pack-nothing-changed = Nothing was changed: neither the installed packs nor the students' progress.
# $id: the pack; $reason: the technical reason.
pack-remove-failed = The pack "{ $id }" could not be removed: { $reason }
# $id: the pack; $path: the file written.
pack-exported = The pack "{ $id }" is saved here: { $path }
# In the browser. $path: the name of the file downloaded.
pack-downloaded = The pack "{ $id }" is downloaded: { $path }
pack-export-failed = The pack "{ $id }" could not be saved: { $reason }

## Exporting progress (student)
map-export-progress = Export my progress
map-export-progress-help = Writes a file with your progress on this pack, to give to your teacher.
export-progress-dialog = Save my progress
# $path: the file written.
export-progress-done = Your progress is saved in this file: { $path } — give it to your teacher (USB stick, shared folder).
# $reason: the technical reason.
export-progress-failed = Your progress could not be exported. Tell your teacher. Reason: { $reason }
# In the browser. $path: the name of the file downloaded.
export-progress-downloaded = Your progress is downloaded: { $path } (in your Downloads folder) — give it to your teacher, or import it on another computer.
map-import-progress = Import my progress…
map-import-progress-help = Adds the progress of a file exported on another computer (at home, at school) to your profile.
import-progress-dialog = Import my progress
# $student: the name in the file; $count: how many levels changed.
import-progress-done = Progress of { $student } imported: { $count ->
    [one] 1 level updated.
   *[other] { $count } levels updated.
}
# $reason: the technical reason.
import-progress-failed = This file could not be imported. Reason: { $reason }

## Exam (student)
exam-badge = Exam
# $time: time left, e.g. 12:34.
exam-time-left = Time left: { $time }
exam-no-time-limit = No time limit
exam-no-runs = (write your code, without running it)
exam-hand-in = Hand in
exam-confirm-title = Hand in your exam?
exam-confirm-text = Your code is saved as it is now. You will not be able to change it afterwards.
# $levels: number of levels; $minutes: length.
exam-summary =
    Exam · { $levels ->
        [one] 1 level
       *[other] { $levels } levels
    } · { $minutes } minutes
exam-summary-no-limit =
    Exam · { $levels ->
        [one] 1 level
       *[other] { $levels } levels
    } · no time limit
exam-rules = During the exam: no hints, no solutions, no stars. You can run your program on the first layout only; your teacher will test it on all of them. Your code is saved in your copy as you go.
exam-start = Start the exam
exam-done = Handed in.
# $path: the copy's file.
exam-copy-at = Your copy: { $path }
exam-handed-in = Your exam is handed in. It is in this file: { $path } — your teacher will collect it.
# In the browser. $path: the name of the file downloaded.
exam-handed-in-downloaded = Your exam is handed in and downloaded: { $path } (in your Downloads folder) — give this file to your teacher.
exam-time-up = Time is up: your exam is handed in as it is. It is in this file: { $path }
exam-closed = This exam is over, your copy is handed in ({ $path }).
# $reason: the technical reason.
exam-save-failed = Your exam copy could not be saved. Tell your teacher now. Reason: { $reason }

## Teacher's screen
teacher-title = Teacher's tools
teacher-editor = Level editor
teacher-editor-help = Create or change levels and packs.
teacher-tab-packs = Packs
teacher-tab-progress = Class progress
teacher-tab-exams = Exams
teacher-drop-help = You can also drag and drop files onto the window: they go to the open tab.
teacher-no-dialog = No file window can open on this computer. Drag and drop the files or the folder onto the game window (they go to the open tab), or use the command line (codebot report, codebot grade; see docs/teachers.md).
teacher-save-csv = Save as CSV…
teacher-clear = Remove all
# $path: the file written.
teacher-csv-saved = The table is saved here: { $path } (separator ; — opens in Excel or LibreOffice).
# In the browser. $path: the name of the file downloaded.
teacher-csv-downloaded = The table is downloaded: { $path } (separator ; — opens in Excel or LibreOffice).
# $path: the file; $reason: the technical reason.
teacher-csv-failed = { $path } could not be written: { $reason }
teacher-student = Student
teacher-total = Total
teacher-levels = Levels
# $count: number of files not used.
teacher-issues =
    { $count ->
        [one] One file was not used
       *[other] { $count } files were not used
    }

## Packs tab
teacher-packs-open = Open pack…
teacher-packs-open-help = a .zip, or the pack.ron of a pack folder (or drop it on the window)
teacher-packs-open-help-web = a pack as a .zip file (or drop it on the page)
# $path: the library's folder.
teacher-packs-folder = This computer's library: { $path }
# $count: number of installed packs.
teacher-packs-installed = Installed packs ({ $count })
teacher-packs-none = No pack installed. Open a pack (.zip or folder) to add it to the chapter map.
teacher-packs-broken = This pack no longer loads (it may borrow a level renamed in this version of Codebot):
teacher-packs-export = Save as .zip…
teacher-packs-remove = Remove
# $id: the pack.
teacher-packs-remove-title = Remove "{ $id }"?
teacher-packs-remove-text = The pack leaves this computer's chapter map. Students' progress is kept: it comes back if you install the pack again.
teacher-packs-builtin = Built-in pack
teacher-packs-builtin-help = Part of Codebot: always there, cannot be removed.
# $chapters, $levels: numbers.
teacher-packs-summary =
    { $chapters ->
        [one] 1 chapter
       *[other] { $chapters } chapters
    } · { $levels ->
        [one] 1 level
       *[other] { $levels } levels
    }
# $minutes: the exam's length.
teacher-packs-exam = { $minutes }-minute exam
teacher-packs-exam-no-limit = exam with no time limit
# $count: levels borrowed from the built-in pack.
teacher-packs-borrowed =
    { $count ->
        [one] 1 level borrowed from the built-in pack
       *[other] { $count } levels borrowed from the built-in pack
    }

## Class progress tab
teacher-progress-add-files = Add progress files…
teacher-progress-add-folder = Add a folder…
teacher-progress-help = Each student exports their progress from the map ("Export my progress"); collect the .json files in a folder. The same student given twice is counted once.
teacher-progress-loading = Reading the files…
# $students, $levels, $files: numbers.
teacher-progress-summary =
    { $students ->
        [one] 1 student
       *[other] { $students } students
    } · { $levels ->
        [one] 1 level
       *[other] { $levels } levels
    } · { $files ->
        [one] 1 file read
       *[other] { $files } files read
    }
# $passed, $levels: levels passed out of all; $stars: stars.
teacher-progress-total = { $passed }/{ $levels } · { $stars } ★
teacher-progress-legend = ✔3 2/1 = passed, 3 stars, 2 attempts, 1 hint · ✖ 5/0 = not passed yet, 5 attempts (in red: stuck) · - = not started. Hover #n for the level's name.
# $number: column; $level: the level's name; $passed, $students: passed by how many; $stuck: stuck.
teacher-level-line =
    #{ $number } { $level }: { $passed }/{ $students } passed{ $stuck ->
        [0] {""}
       *[other] , { $stuck } stuck
    }
# $attempts: attempts threshold.
teacher-stuck = Stuck (not passed after { $attempts } attempts or more)
teacher-stuck-nobody = Nobody is stuck.
# $student, $level; $attempts, $hints: numbers.
teacher-stuck-line =
    { $student } — { $level }: { $attempts } attempts, { $hints ->
        [0] no hint
        [one] 1 hint
       *[other] { $hints } hints
    }

## Exams tab
teacher-exam-none = No exam pack is installed. Add exam: (time_limit_minutes: 45) to a pack's pack.ron (see docs/teachers.md), then install it in the Packs tab.
teacher-exam-pack = Exam:
teacher-exam-add-files = Add submissions…
teacher-exam-add-folder = Add a folder of submissions…
teacher-exam-help = Submissions are the .submission.json files written by each student's game. Every program is run again on every variant of its level: only the code counts.
teacher-exam-grade = Grade
# $seconds: seconds elapsed.
teacher-exam-grading = Grading… { $seconds } s
# $students, $levels: numbers.
teacher-exam-summary =
    { $students ->
        [one] 1 submission graded
       *[other] { $students } submissions graded
    } · { $levels ->
        [one] 1 level
       *[other] { $levels } levels
    }
# $passed, $levels: levels passed; $stars, $max: stars.
teacher-exam-total = { $passed }/{ $levels } · { $stars }/{ $max } ★
teacher-exam-legend = ✔3 = passed every variant, 3 stars · ✖ = failed (hover for the reason) · - = no code · ! = level cannot be played.
teacher-exam-missing = No code for this level.
# $variants: number of variants.
teacher-exam-passed = Passed all { $variants } variants.
teacher-exam-failures = Failures
# $student: the student; $level: the level; $why: what went wrong.
teacher-exam-failure = { $student } — { $level }: { $why }
# $passed, $variants: variants passed out of all; $reason: why the first one failed.
teacher-exam-failure-variants = { $passed }/{ $variants } variants passed — { $reason }
