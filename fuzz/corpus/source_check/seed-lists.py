liste = [1, 2, 3]
for x in liste:
    say(str(x))
paint('rouge')
print(couleur_ici() == 'red')
