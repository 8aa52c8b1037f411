# teacher.ftl: texts of the teacher screens (fr).
# Les élèves sont tutoyés (bouton d'export, examen) ; l'enseignant est vouvoyé.

## Écran titre
title-teacher = Enseignant
title-teacher-help = Outils de l'enseignant : packs de niveaux, progression de la classe, examens, éditeur de niveaux.

## Installer un pack (dans tout le jeu)
# $path : le fichier ou dossier en cours d'installation.
pack-installing = Installation du pack { $path }…
pack-drop-here = Lâchez le fichier pour installer le pack
pack-no-dialog = Aucune fenêtre de choix de fichier ne peut s'ouvrir sur cet ordinateur. Glissez-déposez le fichier .zip (ou le dossier) du pack sur la fenêtre du jeu, ou lancez le jeu avec : codebot --pack chemin/du/pack.zip
pack-installed-title = Pack installé
pack-replaced-title = Pack remplacé
# $title : titre du pack ; $id : son identifiant ; $levels, $chapters : nombres.
pack-installed-text =
    « { $title } » ({ $id }) : { $levels ->
        [one] 1 niveau
       *[other] { $levels } niveaux
    } en { $chapters ->
        [one] 1 chapitre
       *[other] { $chapters } chapitres
    }. Il est sur la carte des chapitres, à côté du pack de Codebot.
pack-installed-exam = C'est un examen : sur la carte, l'élève le commence quand vous le dites ; pas d'indices ni de solutions, et sa copie est enregistrée au fur et à mesure.
pack-see-map = Voir la carte
pack-already-title = Ce pack est déjà installé
# $id : l'identifiant du pack.
pack-already-text = Un pack d'identifiant « { $id } » est déjà installé. Le remplacer par celui-ci ? La progression des élèves est gardée.
pack-replace = Remplacer
pack-refused-title = Pack refusé
# $path : le fichier ou dossier donné.
pack-refused-text = { $path } n'a pas été installé.
# $id : l'identifiant refusé.
pack-refused-builtin = « { $id } » est l'identifiant d'un pack intégré à Codebot : donnez un autre id à votre pack dans pack.ron.
# $count : nombre de problèmes.
pack-refused-problems =
    { $count ->
        [one] Un problème (fichier:ligne:colonne: message) :
       *[other] { $count } problèmes (fichier:ligne:colonne: message) :
    }
pack-copy-problems = Copier la liste
pack-nothing-changed = Rien n'a été modifié : ni les packs installés, ni la progression des élèves.
# $id : le pack ; $reason : la raison technique (en anglais).
pack-remove-failed = Le pack « { $id } » n'a pas pu être retiré : { $reason }
# $id : le pack ; $path : le fichier écrit.
pack-exported = Le pack « { $id } » est enregistré ici : { $path }
# Dans le navigateur. $path : le nom du fichier téléchargé.
pack-downloaded = Le pack « { $id } » est téléchargé : { $path }
pack-export-failed = Le pack « { $id } » n'a pas pu être enregistré : { $reason }

## Exporter sa progression (élève)
map-export-progress = Exporter ma progression
map-export-progress-help = Écrit un fichier avec ta progression sur ce pack, à donner à ton professeur.
export-progress-dialog = Enregistrer ma progression
# $path : le fichier écrit.
export-progress-done = Ta progression est enregistrée dans ce fichier : { $path } — donne-le à ton professeur (clé USB, dossier partagé).
# $reason : la raison technique (en anglais).
export-progress-failed = Ta progression n'a pas pu être exportée. Préviens ton professeur. Raison : { $reason }
# Dans le navigateur. $path : le nom du fichier téléchargé.
export-progress-downloaded = Ta progression est téléchargée : { $path } (dans ton dossier Téléchargements) — donne-la à ton professeur, ou importe-la sur un autre ordinateur.
map-import-progress = Importer ma progression…
map-import-progress-help = Ajoute à ton profil la progression d'un fichier exporté sur un autre ordinateur (à la maison, au collège).
import-progress-dialog = Importer ma progression
# $student : le nom dans le fichier ; $count : combien de niveaux ont changé.
import-progress-done = Progression de { $student } importée : { $count ->
    [one] 1 niveau mis à jour.
   *[other] { $count } niveaux mis à jour.
}
# $reason : la raison technique (en anglais).
import-progress-failed = Ce fichier n'a pas pu être importé. Raison : { $reason }

## Examen (élève)
exam-badge = Examen
# $time : temps restant, par exemple 12:34.
exam-time-left = Temps restant : { $time }
exam-no-time-limit = Sans limite de temps
exam-no-runs = (écris ton code, sans l'exécuter)
exam-hand-in = Rendre ma copie
exam-confirm-title = Rendre ta copie ?
exam-confirm-text = Ton code est enregistré tel qu'il est maintenant. Après, tu ne pourras plus le modifier.
# $levels : nombre de niveaux ; $minutes : durée.
exam-summary =
    Examen · { $levels ->
        [one] 1 niveau
       *[other] { $levels } niveaux
    } · { $minutes } minutes
exam-summary-no-limit =
    Examen · { $levels ->
        [one] 1 niveau
       *[other] { $levels } niveaux
    } · sans limite de temps
exam-rules = Pendant l'examen : pas d'indices, pas de solution, pas d'étoiles. Tu peux lancer ton programme sur le premier terrain seulement ; ton professeur le testera sur tous. Ton code est enregistré dans ta copie au fur et à mesure.
exam-start = Commencer l'examen
exam-done = Copie rendue.
# $path : le fichier de la copie.
exam-copy-at = Ta copie : { $path }
exam-handed-in = Ta copie est rendue. Elle est dans ce fichier : { $path } — ton professeur va la ramasser.
# Dans le navigateur. $path : le nom du fichier téléchargé.
exam-handed-in-downloaded = Ta copie est rendue et téléchargée : { $path } (dans ton dossier Téléchargements) — donne ce fichier à ton professeur.
exam-time-up = Le temps est écoulé : ta copie est rendue telle quelle. Elle est dans ce fichier : { $path }
exam-closed = Cet examen est terminé, ta copie est rendue ({ $path }).
# $reason : la raison technique (en anglais).
exam-save-failed = Ta copie d'examen n'a pas pu être enregistrée. Préviens ton professeur tout de suite. Raison : { $reason }

## Écran de l'enseignant
teacher-title = Outils de l'enseignant
teacher-editor = Éditeur de niveaux
teacher-editor-help = Créer ou modifier des niveaux et des packs.
teacher-tab-packs = Packs
teacher-tab-progress = Progression de la classe
teacher-tab-exams = Examens
teacher-drop-help = Vous pouvez aussi glisser-déposer des fichiers sur la fenêtre : ils vont à l'onglet ouvert.
teacher-no-dialog = Aucune fenêtre de choix de fichier ne peut s'ouvrir sur cet ordinateur. Glissez-déposez les fichiers ou le dossier sur la fenêtre du jeu (ils vont à l'onglet ouvert), ou utilisez la ligne de commande (codebot report, codebot grade ; voir docs/teachers.md).
teacher-save-csv = Enregistrer en CSV…
teacher-clear = Tout retirer
# $path : le fichier écrit.
teacher-csv-saved = Le tableau est enregistré ici : { $path } (séparateur ; — s'ouvre dans Excel ou LibreOffice).
# Dans le navigateur. $path : le nom du fichier téléchargé.
teacher-csv-downloaded = Le tableau est téléchargé : { $path } (séparateur ; — s'ouvre dans Excel ou LibreOffice).
# $path : le fichier ; $reason : la raison technique (en anglais).
teacher-csv-failed = { $path } n'a pas pu être écrit : { $reason }
teacher-student = Élève
teacher-total = Total
teacher-levels = Niveaux
# $count : nombre de fichiers ignorés.
teacher-issues =
    { $count ->
        [one] Un fichier n'a pas été utilisé
       *[other] { $count } fichiers n'ont pas été utilisés
    }

## Onglet Packs
teacher-packs-open = Ouvrir un pack…
teacher-packs-open-help = un .zip, ou le pack.ron d'un dossier de pack (ou glissez-le sur la fenêtre)
teacher-packs-open-help-web = un pack en fichier .zip (ou glissez-le sur la page)
# $path : le dossier de la bibliothèque.
teacher-packs-folder = Bibliothèque de cet ordinateur : { $path }
# $count : nombre de packs installés.
teacher-packs-installed = Packs installés ({ $count })
teacher-packs-none = Aucun pack installé. Ouvrez un pack (.zip ou dossier) pour l'ajouter à la carte des chapitres.
teacher-packs-broken = Ce pack ne se charge plus (il emprunte peut-être un niveau renommé dans cette version de Codebot) :
teacher-packs-export = Enregistrer en .zip…
teacher-packs-remove = Retirer
# $id : le pack.
teacher-packs-remove-title = Retirer « { $id } » ?
teacher-packs-remove-text = Le pack disparaît de la carte des chapitres de cet ordinateur. La progression des élèves est gardée : elle revient si vous réinstallez le pack.
teacher-packs-builtin = Pack intégré
teacher-packs-builtin-help = Fait partie de Codebot : toujours là, ne peut pas être retiré.
# $chapters, $levels : nombres.
teacher-packs-summary =
    { $chapters ->
        [one] 1 chapitre
       *[other] { $chapters } chapitres
    } · { $levels ->
        [one] 1 niveau
       *[other] { $levels } niveaux
    }
# $minutes : durée de l'examen.
teacher-packs-exam = examen de { $minutes } minutes
teacher-packs-exam-no-limit = examen sans limite de temps
# $count : niveaux empruntés au pack intégré.
teacher-packs-borrowed =
    { $count ->
        [one] 1 niveau emprunté au pack intégré
       *[other] { $count } niveaux empruntés au pack intégré
    }

## Onglet Progression de la classe
teacher-progress-add-files = Ajouter des fichiers de progression…
teacher-progress-add-folder = Ajouter un dossier…
teacher-progress-help = Chaque élève exporte sa progression depuis la carte (« Exporter ma progression ») ; rassemblez les fichiers .json dans un dossier. Un même élève donné deux fois n'est compté qu'une fois.
teacher-progress-loading = Lecture des fichiers…
# $students, $levels, $files : nombres.
teacher-progress-summary =
    { $students ->
        [one] 1 élève
       *[other] { $students } élèves
    } · { $levels ->
        [one] 1 niveau
       *[other] { $levels } niveaux
    } · { $files ->
        [one] 1 fichier lu
       *[other] { $files } fichiers lus
    }
# $passed, $levels : niveaux réussis sur le total ; $stars : étoiles.
teacher-progress-total = { $passed }/{ $levels } · { $stars } ★
teacher-progress-legend = ✔3 2/1 = réussi, 3 étoiles, 2 essais, 1 indice · ✖ 5/0 = pas encore réussi, 5 essais (en rouge : bloqué) · - = pas commencé. Survolez #n pour le nom du niveau.
# $number : colonne ; $level : nom du niveau ; $passed, $students : réussi par combien ; $stuck : bloqués.
teacher-level-line =
    #{ $number } { $level } : { $passed }/{ $students } { $passed ->
        [one] a réussi
       *[other] ont réussi
    }{ $stuck ->
        [0] {""}
        [one] , 1 bloqué
       *[other] , { $stuck } bloqués
    }
# $attempts : seuil d'essais.
teacher-stuck = Bloqués (pas réussi après { $attempts } essais ou plus)
teacher-stuck-nobody = Personne n'est bloqué.
# $student, $level ; $attempts, $hints : nombres.
teacher-stuck-line =
    { $student } — { $level } : { $attempts } essais, { $hints ->
        [0] aucun indice
        [one] 1 indice
       *[other] { $hints } indices
    }

## Onglet Examens
teacher-exam-none = Aucun pack d'examen n'est installé. Ajoutez exam: (time_limit_minutes: 45) dans le pack.ron d'un pack (voir docs/teachers.md), puis installez-le dans l'onglet Packs.
teacher-exam-pack = Examen :
teacher-exam-add-files = Ajouter des copies…
teacher-exam-add-folder = Ajouter un dossier de copies…
teacher-exam-help = Les copies sont les fichiers .submission.json écrits par le jeu de chaque élève. Chaque programme est relancé sur toutes les variantes de son niveau : seul le code compte.
teacher-exam-grade = Corriger
# $seconds : secondes écoulées.
teacher-exam-grading = Correction en cours… { $seconds } s
# $students, $levels : nombres.
teacher-exam-summary =
    { $students ->
        [one] 1 copie corrigée
       *[other] { $students } copies corrigées
    } · { $levels ->
        [one] 1 niveau
       *[other] { $levels } niveaux
    }
# $passed, $levels : niveaux réussis ; $stars, $max : étoiles.
teacher-exam-total = { $passed }/{ $levels } · { $stars }/{ $max } ★
teacher-exam-legend = ✔3 = réussi sur toutes les variantes, 3 étoiles · ✖ = échoué (survolez pour la raison) · - = pas de code · ! = niveau injouable.
teacher-exam-missing = Pas de code pour ce niveau.
# $variants : nombre de variantes.
teacher-exam-passed = Réussi sur les { $variants } variantes.
teacher-exam-failures = Échecs
# $student : l'élève ; $level : le niveau ; $why : ce qui n'allait pas.
teacher-exam-failure = { $student } — { $level } : { $why }
# $passed, $variants : variantes réussies sur le total ; $reason : pourquoi la première a échoué.
teacher-exam-failure-variants = { $passed }/{ $variants } variantes réussies — { $reason }
