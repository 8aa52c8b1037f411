def tourne():
    turn_left()
    turn_left()

compteur = 0
while objet_ici():
    ramasser()
    compteur += 1
print(f"{compteur} objets")
