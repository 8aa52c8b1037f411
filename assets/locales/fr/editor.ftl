# editor.ftl: texts of the editor screens (fr).

