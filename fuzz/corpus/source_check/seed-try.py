try:
    move()
except Exception:
    pass
finally:
    print('fin')
