élevé = 2
if élevé = 3:
    dire('ça')
