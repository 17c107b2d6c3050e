"""`similar --before` on real data: for each judged "same" pair of Benchmarks/real/pairs.tsv (issue 15), the later
record is the query (--before its year) and the earlier one should rank first. `before`: the query is the title as
text (the tool had no record queries); `after`: the record itself (--batch record line) with --same city
(a third argument adds --same district). Run from a folder holding pairs.tsv.

usage: python3 real_rank1.py before|after POSTULATY_BINARY INDEX [district]
  INDEX: postulaty index build ../shared/eval/pb-titles-dev.jsonl -o INDEX
Environment: PB_TITLES (default: ../shared/eval/pb-titles-dev.jsonl beside the repository); for `before`,
POSTULATY_DATA naming the Models folder of the older build (the index and models must match its analyzer).
"""
import json,sys,subprocess,collections,os
repo=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
titles=os.environ.get('PB_TITLES', os.path.join(repo,'..','shared','eval','pb-titles-dev.jsonl'))
mode=sys.argv[1]  # before|after
binary=sys.argv[2]; index=sys.argv[3]
recs={}
for l in open(titles):
    r=json.loads(l); recs[r['id']]=r
pairs=[l.rstrip('\n').split('\t') for l in open('pairs.tsv')][1:]
same=[p for p in pairs if p[-1]=='same']
byyear=collections.defaultdict(list)
for p in same:
    a,b=recs[p[0]],recs[p[1]]
    late,early=(a,b) if a['year']>b['year'] else (b,a)
    if late['year']==early['year']: continue
    byyear[late['year']].append((late,early))
env=dict(os.environ)
T3=[];hits=0;n=0;percity=collections.defaultdict(lambda:[0,0])
for y,items in sorted(byyear.items()):
    with open('q.txt','w') as f:
        for late,early in items:
            if mode=='before': f.write(late['text'].replace('\n',' ')+'\n')
            else: f.write(json.dumps(late,ensure_ascii=False)+'\n')
    args=[binary,'similar','--index',index,'--batch','q.txt','--before',str(y),'--top','3']
    if mode=='after': args+=['--same','city']
    if mode=='after' and len(sys.argv)>4: args+=['--same','district']
    out=subprocess.run(args,capture_output=True,text=True,env=env).stdout.splitlines()
    for (late,early),line in zip(items,out):
        r=json.loads(line)['results']
        ok= bool(r) and (r[0]['id']==early['id']); top3=early['id'] in [x['id'] for x in r]; T3.append(top3)
        n+=1; hits+=ok; percity[late['city']][0]+=1; percity[late['city']][1]+=ok
print(mode, f"rank-1 right earlier record: {hits}/{n} = {hits/n:.3f}; in top 3: {sum(T3)}/{n}")
print(' '.join(f"{c}:{k}/{m}" for c,(m,k) in sorted(percity.items())))
